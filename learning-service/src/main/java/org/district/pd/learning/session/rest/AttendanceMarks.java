package org.district.pd.learning.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The facilitator's roster: who attended, and for how many minutes when not the whole session. */
public record AttendanceMarks(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Attendee> attendees) {

    /** One educator present; without {@code minutes}, present for the whole session. */
    public record Attendee(@NotNull UUID educatorId, @Min(1) @Max(1440) Integer minutes) {
    }
}
