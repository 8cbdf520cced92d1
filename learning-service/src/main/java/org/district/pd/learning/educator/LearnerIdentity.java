package org.district.pd.learning.educator;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One name an LMS may use for an educator: an email, a SIS id or an LMS account. */
@Entity
@Table(name = "learner_identity")
public class LearnerIdentity {

    /** The kinds of names, as LMS completions carry them. */
    public enum Kind {
        EMAIL, SIS_ID, LMS_ACCOUNT
    }

    @EmbeddedId
    public Key key;
    public UUID educatorId;
    /** The district admin who linked it by hand; null for identities the roster brought. */
    public String linkedBy;
    public Instant linkedAt;

    public static LearnerIdentity of(Kind kind, String value, UUID educatorId) {
        LearnerIdentity identity = new LearnerIdentity();
        identity.key = new Key(kind, value);
        identity.educatorId = educatorId;
        return identity;
    }

    /** The identity itself; unique across educators. */
    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) Kind kind, String value) implements Serializable {

        /** Identities are always written in this order, so two transactions never wait on each other in a cycle. */
        public static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::value);
    }
}
