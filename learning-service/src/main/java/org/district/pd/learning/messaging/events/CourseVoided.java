package org.district.pd.learning.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** Published when a completion is voided; contract: deploy/kafka/schemas/pd.learning.course.voided.v1.json. */
public record CourseVoided(UUID completionId, UUID educatorId, Instant voidedAt, String reason) {

    public static final String TYPE = "pd.learning.course.voided.v1";
}
