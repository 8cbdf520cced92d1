package org.district.pd.community.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API returns about meetings and attendance. */
public final class MeetingViews {

    private MeetingViews() {
    }

    public record MeetingView(UUID id, UUID communityId, String communityName, UUID seriesId, String title,
            String agenda, String notes, Instant startsAt, Instant endsAt, int durationMinutes, String location,
            Instant cancelledAt) {
    }

    /** What scheduling made: one meeting, or a series' rule and every meeting it scheduled. */
    public record Scheduled(UUID seriesId, String recurrence, String timeZone, List<MeetingView> meetings) {
    }

    public record CheckInCodeView(String code, Instant rotatesAt, int stepSeconds, Instant opensAt,
            Instant closesAt) {
    }

    /** An attendance; voidedAt and voidReason are set when a facilitator took it back. */
    public record AttendanceView(UUID id, UUID meetingId, UUID educatorId, String name, int minutes,
            BigDecimal creditHours, Attendance.Source source, Instant recordedAt, Instant voidedAt,
            String voidReason) {
    }

    /**
     * What became of one attendee of a roster: RECORDED, ALREADY_RECORDED, NOT_A_MEMBER, SELF (a facilitator's own,
     * taken by another), INVALID or DUPLICATE.
     */
    public record MarkResult(int index, UUID educatorId, String status, String detail, AttendanceView attendance) {
    }

    public record MarksView(int recorded, int alreadyRecorded, int refused, List<MarkResult> results) {
    }
}
