package org.district.pd.learning.ingestion;

import java.util.stream.Collectors;

/** Why a completion is held, in a code for filtering and words for the admin who fixes it. */
record Unmatched(String reason, String detail) {

    static Unmatched of(LearnerMatch match, boolean unknownCourse, LearnerRef learner, String lms, String lmsCourseId) {
        String courseText = "LMS course '" + lmsCourseId + "' is not mapped to an offering for LMS '" + lms + "'";
        if (match.conflicting()) {
            return new Unmatched("IDENTITY_CONFLICT", "the learner's identities name different educators: " + match.conflict()
                    + (unknownCourse ? "; " + courseText : ""));
        }
        String learnerText = "no rostered educator has " + learner.keys().stream().map(LearnerRef::describe)
                .collect(Collectors.joining(" or "));
        if (!match.found() && unknownCourse) {
            return new Unmatched("UNKNOWN_LEARNER_AND_COURSE", learnerText + "; " + courseText);
        }
        return !match.found() ? new Unmatched("UNKNOWN_LEARNER", learnerText) : new Unmatched("UNKNOWN_COURSE", courseText);
    }
}
