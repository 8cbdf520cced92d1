package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What meets a milestone, as data: the template says which rule and its parameters, the engine measures the teacher's
 * facts against it. Written in JSON with its {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Rule.CompleteOfferings.class, name = "complete-offerings"),
        @JsonSubTypes.Type(value = Rule.AttendSessions.class, name = "attend-sessions"),
        @JsonSubTypes.Type(value = Rule.SubmitEvidence.class, name = "submit-evidence"),
        @JsonSubTypes.Type(value = Rule.EarnCredential.class, name = "earn-credential"),
        @JsonSubTypes.Type(value = Rule.EarnHours.class, name = "earn-hours"),
        @JsonSubTypes.Type(value = Rule.CoachSignOff.class, name = "coach-sign-off"),
        @JsonSubTypes.Type(value = Rule.Reflection.class, name = "reflection") })
public sealed interface Rule {

    /** How much of the rule is needed: a count, hours, or 1 for a thing that happens once. */
    BigDecimal target();

    /** Complete {@code count} different offerings, each filter (tag, format, category) applying when given. */
    record CompleteOfferings(int count, String tag, String format, String category) implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.valueOf(count);
        }
    }

    /** Attend {@code count} different sessions of a kind (workshop, plc, cohort, coaching, webinar), or of any. */
    record AttendSessions(int count, String kind) implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.valueOf(count);
        }
    }

    /** Submit evidence for micro-credential {@code credentialId}. */
    record SubmitEvidence(UUID credentialId) implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.ONE;
        }
    }

    /** Earn credential {@code credentialId}. */
    record EarnCredential(UUID credentialId) implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.ONE;
        }
    }

    /** Earn {@code hours} credit hours, of one ledger category when given. */
    record EarnHours(BigDecimal hours, String category) implements Rule {
        @Override
        public BigDecimal target() {
            return hours;
        }
    }

    /** The teacher's coach signs this milestone off. */
    record CoachSignOff() implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.ONE;
        }
    }

    /** The teacher writes a reflection for this milestone: what I tried, why, and what happened for students. */
    record Reflection() implements Rule {
        @Override
        public BigDecimal target() {
            return BigDecimal.ONE;
        }
    }
}
