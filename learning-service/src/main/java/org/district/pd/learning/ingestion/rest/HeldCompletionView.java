package org.district.pd.learning.ingestion.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.district.pd.learning.ingestion.LearnerRef;
import org.district.pd.learning.ingestion.persistence.HeldCompletion;

/** A held completion as district admins see it, with what must be fixed to release it. */
public record HeldCompletionView(UUID id, String clientId, String externalId, LearnerRef learner, String lms,
        String lmsCourseId, Instant completedAt, BigDecimal hours, String reason, String detail, Instant receivedAt) {

    static HeldCompletionView of(HeldCompletion held) {
        return new HeldCompletionView(held.id, held.clientId, held.externalId, LearnerRef.of(held), held.lms, held.lmsCourseId,
                held.completedAt, held.creditHours, held.reason, held.detail, held.receivedAt);
    }
}
