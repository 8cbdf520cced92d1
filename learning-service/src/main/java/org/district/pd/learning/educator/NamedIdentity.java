package org.district.pd.learning.educator;

import java.util.Locale;

import org.district.pd.platform.problem.ProblemException;

/** The one identity a request names by exactly one of email, SIS id and LMS account; an email is compared lower-case. */
final class NamedIdentity {

    private NamedIdentity() {
    }

    /** {@code choices} says where the three are given, for the 400 when not exactly one is. */
    static LearnerIdentity.Key of(String email, String sisId, String lmsAccount, String choices) {
        int given = (blank(email) ? 0 : 1) + (blank(sisId) ? 0 : 1) + (blank(lmsAccount) ? 0 : 1);
        if (given != 1) {
            throw ProblemException.invalid("email", "give exactly one of " + choices);
        }
        if (!blank(email)) {
            return new LearnerIdentity.Key(LearnerIdentity.Kind.EMAIL, email.strip().toLowerCase(Locale.ROOT));
        }
        return blank(sisId) ? new LearnerIdentity.Key(LearnerIdentity.Kind.LMS_ACCOUNT, lmsAccount.strip())
                : new LearnerIdentity.Key(LearnerIdentity.Kind.SIS_ID, sisId.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
