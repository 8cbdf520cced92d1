package org.district.pd.community.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** pd.community.attendance.voided.v1: a facilitator took back an attendance recorded by mistake. */
public record AttendanceVoided(UUID attendanceId, UUID educatorId, UUID communityId, UUID meetingId, Instant voidedAt,
        String reason) {

    public static final String TYPE = "pd.community.attendance.voided.v1";
}
