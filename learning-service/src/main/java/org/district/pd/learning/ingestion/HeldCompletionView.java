package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A held completion as district admins see it, with what must be fixed to release it. */
public record HeldCompletionView(UUID id, String clientId, String externalId, LearnerRef learner, String lms,
        String lmsCourseId, Instant completedAt, BigDecimal hours, String reason, String detail, Instant receivedAt) {

    static HeldCompletionView of(HeldCompletion held) {
        return new HeldCompletionView(held.id, held.clientId, held.externalId, held.learner(), held.lms, held.lmsCourseId,
                held.completedAt, held.creditHours, held.reason, held.detail, held.receivedAt);
    }
}
