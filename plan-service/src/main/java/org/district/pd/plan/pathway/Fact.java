package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What one event says about a teacher's work, as the engine reads it. {@code id} is the event's own id, so a
 * redelivery is the same fact; {@code subject} is what it is about: the offering completed, the session attended, the
 * credential, or the milestone key of a sign-off or reflection. A coach's check-in meets no milestone; it is on the
 * plan's timeline. A {@link Kind#REVERSAL} cancels the fact whose id is
 * {@code reverses}, whichever of the two arrives first.
 */
public record Fact(String id, Kind kind, Instant time, String subject, Set<String> tags, String format,
        String category, BigDecimal hours, String reverses) {

    public enum Kind {
        COURSE_COMPLETED, SESSION_ATTENDED, EVIDENCE_SUBMITTED, CREDENTIAL_AWARDED, COACH_SIGN_OFF, REFLECTION,
        COACH_CHECK_IN, REVERSAL
    }

    public static Fact completion(String id, Instant time, UUID offeringId, Set<String> tags, String format,
            String category, BigDecimal hours) {
        return new Fact(id, Kind.COURSE_COMPLETED, time, offeringId.toString(), tags, format, category, hours, null);
    }

    public static Fact attendance(String id, Instant time, UUID sessionId, String sessionKind, String category,
            BigDecimal hours) {
        return new Fact(id, Kind.SESSION_ATTENDED, time, sessionId.toString(), Set.of(), sessionKind, category, hours,
                null);
    }

    public static Fact evidence(String id, Instant time, UUID credentialId) {
        return new Fact(id, Kind.EVIDENCE_SUBMITTED, time, credentialId.toString(), Set.of(), null, null, null, null);
    }

    public static Fact award(String id, Instant time, UUID credentialId, String category, BigDecimal hours) {
        return new Fact(id, Kind.CREDENTIAL_AWARDED, time, credentialId.toString(), Set.of(), null, category, hours,
                null);
    }

    public static Fact signOff(String id, Instant time, String milestoneKey) {
        return new Fact(id, Kind.COACH_SIGN_OFF, time, milestoneKey, Set.of(), null, null, null, null);
    }

    public static Fact reflection(String id, Instant time, String milestoneKey) {
        return new Fact(id, Kind.REFLECTION, time, milestoneKey, Set.of(), null, null, null, null);
    }

    public static Fact checkIn(String id, Instant time) {
        return new Fact(id, Kind.COACH_CHECK_IN, time, null, Set.of(), null, null, null, null);
    }

    /** Cancels {@code reversed}: a revoked credential, a voided completion, a reversed entry. */
    public static Fact reversal(String id, Instant time, String reversed) {
        return new Fact(id, Kind.REVERSAL, time, null, Set.of(), null, null, null, reversed);
    }
}
