package org.district.pd.learning.educator;

import java.util.UUID;

/** The educator an LMS identity resolves to. */
public record LearnerView(UUID educatorId, String sourcedId, String givenName, String familyName, boolean active) {

    static LearnerView of(Educator educator) {
        return new LearnerView(educator.id, educator.sourcedId, educator.givenName, educator.familyName, educator.active);
    }
}
