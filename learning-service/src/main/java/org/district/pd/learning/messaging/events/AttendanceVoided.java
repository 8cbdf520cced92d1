package org.district.pd.learning.messaging.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an attendance is taken back (the xAPI statement that recorded it was voided); contract:
 * deploy/kafka/schemas/pd.learning.attendance.voided.v1.json.
 */
public record AttendanceVoided(UUID attendanceId, UUID educatorId, UUID offeringId, UUID sessionId, Instant voidedAt,
        String reason) {

    public static final String TYPE = "pd.learning.attendance.voided.v1";
}
