package org.district.pd.learning.ingestion;

/** Why a completion is held, in a code for filtering and words for the admin who fixes it. */
record Unmatched(String reason, String detail) {

    static Unmatched of(boolean unknownLearner, boolean unknownCourse, LearnerRef learner, String lmsCourseId) {
        String learnerText = "no rostered educator has " + describe(learner);
        String courseText = "LMS course '" + lmsCourseId + "' is not mapped to an offering";
        if (unknownLearner && unknownCourse) {
            return new Unmatched("UNKNOWN_LEARNER_AND_COURSE", learnerText + "; " + courseText);
        }
        return unknownLearner ? new Unmatched("UNKNOWN_LEARNER", learnerText) : new Unmatched("UNKNOWN_COURSE", courseText);
    }

    private static String describe(LearnerRef learner) {
        StringBuilder text = new StringBuilder();
        append(text, "email", learner.email());
        append(text, "SIS id", learner.sisId());
        append(text, "LMS account", learner.lmsAccount());
        return text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(text.length() > 0 ? " or " : "").append(label).append(" '").append(value).append('\'');
        }
    }
}
