package org.district.pd.learning.session.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<OfferingSession, UUID> {

    /** The session, locked until the transaction ends: seats are counted and handed out one writer at a time. */
    public Uni<OfferingSession> findLocked(UUID sessionId) {
        return findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<OfferingSession>> ofOffering(UUID offeringId, int page, int size) {
        return find("offeringId = ?1 order by startsAt, id", offeringId).page(page, size).list();
    }

    public Uni<List<OfferingSession>> facilitatedBy(UUID facilitatorId, int page, int size) {
        return find("facilitatorId = ?1 order by startsAt desc, id", facilitatorId).page(page, size).list();
    }

    /** The offering's session whose check-in window (from {@code early} before its start to its end) holds the time. */
    public Uni<OfferingSession> heldAt(UUID offeringId, Instant at, Duration early) {
        return find("offeringId = ?1 and startsAt <= ?2 and endsAt >= ?3 and cancelledAt is null "
                + "order by startsAt, id", offeringId,
                at.plus(early), at).firstResult();
    }
}
