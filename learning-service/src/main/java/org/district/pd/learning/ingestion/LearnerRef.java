package org.district.pd.learning.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.district.pd.learning.educator.LearnerIdentity.Key;
import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.district.pd.learning.ingestion.persistence.HeldCompletion;

/** How an LMS names a learner: by email, SIS id or LMS account; at least one is present. */
public record LearnerRef(String email, String sisId, String lmsAccount) {

    public LearnerRef {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        sisId = sisId == null ? null : sisId.strip();
        lmsAccount = lmsAccount == null ? null : lmsAccount.strip();
    }

    /** The learner a held completion was reported for. */
    public static LearnerRef of(HeldCompletion held) {
        return new LearnerRef(held.learnerEmail, held.learnerSisId, held.learnerLmsAccount);
    }

    static LearnerRef of(Key identity) {
        return switch (identity.kind()) {
            case EMAIL -> new LearnerRef(identity.value(), null, null);
            case SIS_ID -> new LearnerRef(null, identity.value(), null);
            case LMS_ACCOUNT -> new LearnerRef(null, null, identity.value());
        };
    }

    /** The identities this reference names, in the order they are described to admins. */
    List<Key> keys() {
        List<Key> keys = new ArrayList<>(3);
        if (email != null) {
            keys.add(new Key(Kind.EMAIL, email));
        }
        if (sisId != null) {
            keys.add(new Key(Kind.SIS_ID, sisId));
        }
        if (lmsAccount != null) {
            keys.add(new Key(Kind.LMS_ACCOUNT, lmsAccount));
        }
        return keys;
    }

    static String describe(Key identity) {
        String label = switch (identity.kind()) {
            case EMAIL -> "email";
            case SIS_ID -> "SIS id";
            case LMS_ACCOUNT -> "LMS account";
        };
        return label + " '" + identity.value() + "'";
    }
}
