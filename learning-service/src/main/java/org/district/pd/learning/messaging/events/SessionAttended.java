package org.district.pd.learning.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Published when an educator attended a session; contract: deploy/kafka/schemas/pd.learning.session.attended.v1.json. */
public record SessionAttended(UUID attendanceId, UUID educatorId, UUID offeringId, UUID sessionId, String sessionKind,
        Instant attendedAt, int minutes, BigDecimal creditHours, String creditType, String category,
        String provider) {

    public static final String TYPE = "pd.learning.session.attended.v1";
}
