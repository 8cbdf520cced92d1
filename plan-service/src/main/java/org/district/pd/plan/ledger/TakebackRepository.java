package org.district.pd.plan.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What was taken back from the ledger, kept in the inbox's transaction whether or not its entry has come yet. */
@ApplicationScoped
public class TakebackRepository {

    /** A takeback: the event that took it back, and when. */
    public record Takeback(UUID eventId, String eventType, Instant takenAt) {
    }

    private static final String RECORD = """
            insert into ledger_takeback (educator_id, source_ref, event_id, event_type, taken_at)
            values (:educator, :ref, :event, :type, :at) on conflict do nothing""";

    private static final String FIND = """
            select t.eventId, t.eventType, t.takenAt from LedgerTakeback t
            where t.educatorId = :educator and t.sourceRef = :ref""";

    /** Records the takeback; false when {@code sourceRef} was taken back before. */
    public Uni<Boolean> record(UUID educatorId, String sourceRef, UUID eventId, String eventType, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD)
                .setParameter("educator", educatorId)
                .setParameter("ref", sourceRef)
                .setParameter("event", eventId)
                .setParameter("type", eventType)
                .setParameter("at", at)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Optional<Takeback>> find(UUID educatorId, String sourceRef) {
        return Panache.getSession().flatMap(session -> session.createQuery(FIND, Object[].class)
                .setParameter("educator", educatorId)
                .setParameter("ref", sourceRef)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(TakebackRepository::first);
    }

    private static Optional<Takeback> first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Takeback((UUID) row[0], (String) row[1], (Instant) row[2]));
    }
}
