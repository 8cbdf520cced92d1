package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;

/** One well-formed reported completion; {@code hours} is null when the LMS did not report any. */
record CompletionItem(int index, String externalId, LearnerRef learner, String lmsCourseId, Instant completedAt,
        BigDecimal hours) {
}
