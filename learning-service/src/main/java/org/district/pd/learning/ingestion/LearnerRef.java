package org.district.pd.learning.ingestion;

import java.util.Locale;

/** How an LMS names a learner: by email, SIS id or LMS account; at least one is present. */
public record LearnerRef(String email, String sisId, String lmsAccount) {

    public LearnerRef {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        sisId = sisId == null ? null : sisId.strip();
        lmsAccount = lmsAccount == null ? null : lmsAccount.strip();
    }
}
