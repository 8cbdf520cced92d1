package org.district.pd.learning.ingestion;

import java.util.UUID;

/** What a learner reference resolved to: one educator, nobody, or identities of different educators. */
record LearnerMatch(UUID educatorId, String conflict) {

    static final LearnerMatch UNKNOWN = new LearnerMatch(null, null);

    static LearnerMatch of(UUID educatorId) {
        return new LearnerMatch(educatorId, null);
    }

    static LearnerMatch conflicting(String detail) {
        return new LearnerMatch(null, detail);
    }

    boolean found() {
        return educatorId != null;
    }

    boolean conflicting() {
        return conflict != null;
    }
}
