package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One well-formed reported completion; {@code hours} is null when the LMS did not report any. */
record CompletionItem(int index, String externalId, LearnerRef learner, String lmsCourseId, Instant completedAt,
        BigDecimal hours) {

    /** A completion counts once per educator, offering and this day. */
    static LocalDate dayOf(Instant completedAt) {
        return LocalDate.ofInstant(completedAt, ZoneOffset.UTC);
    }
}
