package org.district.pd.plan.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What was taken back, read as an entity: a native select with a result class gets a fresh result mapping each
 * time, so Hibernate's plan cache never finds it again and fills with same-hash keys that every later lookup compares
 * one by one (35 % of plan-service's CPU while it drained a backfill). A query on an entity is cached by its text.
 */
@Entity
@Immutable
@Table(name = "ledger_takeback")
@IdClass(LedgerTakeback.Key.class)
public class LedgerTakeback {

    @Id
    public UUID educatorId;
    @Id
    public String sourceRef;
    public UUID eventId;
    public String eventType;
    public Instant takenAt;

    /** The primary key: one takeback per educator and what it took back. */
    public static class Key implements Serializable {
        public UUID educatorId;
        public String sourceRef;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(educatorId, key.educatorId)
                    && Objects.equals(sourceRef, key.sourceRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(educatorId, sourceRef);
        }
    }
}
