package org.district.pd.learning.ingestion;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.district.pd.learning.catalog.Offering;
import org.district.pd.learning.educator.LearnerIdentity.Kind;

/** What a set of reported completions resolved to: educators by identity and offerings by LMS course id. */
record Resolution(Map<Kind, Map<String, UUID>> educators, Map<String, Offering> offerings) {

    /** Tries email first, then SIS id, then LMS account, as LMSs differ in which one they get right. */
    Optional<UUID> educator(LearnerRef learner) {
        return lookup(Kind.EMAIL, learner.email())
                .or(() -> lookup(Kind.SIS_ID, learner.sisId()))
                .or(() -> lookup(Kind.LMS_ACCOUNT, learner.lmsAccount()));
    }

    Optional<Offering> offering(String lmsCourseId) {
        return Optional.ofNullable(offerings.get(lmsCourseId));
    }

    private Optional<UUID> lookup(Kind kind, String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(educators.getOrDefault(kind, Map.of()).get(value));
    }
}
