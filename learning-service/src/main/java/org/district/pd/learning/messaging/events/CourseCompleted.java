package org.district.pd.learning.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when an educator completed an offering; contract: deploy/kafka/schemas/pd.learning.course.completed.v1.json. */
public record CourseCompleted(UUID completionId, UUID educatorId, UUID offeringId, String externalRef,
        Instant completedAt, BigDecimal creditHours, String creditType, String category, String source,
        List<String> competencyTags, String provider) {

    public static final String TYPE = "pd.learning.course.completed.v1";
}
