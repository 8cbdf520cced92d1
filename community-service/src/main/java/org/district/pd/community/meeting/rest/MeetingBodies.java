package org.district.pd.community.meeting.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of scheduling meetings and taking attendance. */
public final class MeetingBodies {

    private MeetingBodies() {
    }

    /** A meeting, or with {@code recurrence} (an RRULE) a series of them starting at {@code startsAt}. */
    public record NewMeeting(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String agenda,
            @NotNull Instant startsAt, @NotNull @Min(1) @Max(1440) Integer durationMinutes,
            @Size(max = 500) String location, @Size(max = 500) String recurrence) {
    }

    /** What a facilitator changes of one meeting: its agenda before, its notes after, its time or place. */
    public record MeetingEdit(@Size(max = 200) String title, @Size(max = 10_000) String agenda,
            @Size(max = 20_000) String notes, Instant startsAt, @Min(1) @Max(1440) Integer durationMinutes,
            @Size(max = 500) String location) {
    }

    /** The code on the facilitator's screen. */
    public record CheckIn(@NotBlank @Size(max = 20) String code) {
    }

    /** Who attended, from the facilitator's roster; minutes default to the meeting's length. */
    public record Marks(@NotEmpty @Size(max = 500) List<@NotNull @Valid Mark> attendees) {
    }

    public record Mark(@NotNull UUID educatorId, @Min(1) @Max(1440) Integer minutes) {
    }

    /** Why an attendance is taken back. */
    public record Voiding(@NotBlank @Size(max = 1000) String reason) {
    }
}
