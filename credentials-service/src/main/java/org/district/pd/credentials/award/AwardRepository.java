package org.district.pd.credentials.award;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AwardRepository implements PanacheRepositoryBase<Award, UUID> {

    /** Holds this teacher's awards still until the transaction ends: their awards are made one at a time. */
    public Uni<Void> lockHolder(UUID educatorId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "select 1 from pg_advisory_xact_lock(hashtext('award:' || cast(:educator as text)))")
                .setParameter("educator", educatorId.toString()).getSingleResult()).replaceWithVoid();
    }

    public Uni<Award> findLocked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The award of this credential the teacher holds or held until it expired: what a new submission renews. */
    public Uni<Award> held(UUID educatorId, UUID definitionId) {
        return find("educatorId = ?1 and definitionId = ?2 and status in ?3 order by awardedAt desc", educatorId,
                definitionId, List.of(Award.Status.ACTIVE, Award.Status.EXPIRED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Award>> active(UUID educatorId, Collection<UUID> definitionIds) {
        if (definitionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("educatorId = ?1 and definitionId in ?2 and status = ?3", educatorId, definitionIds,
                Award.Status.ACTIVE);
    }

    public Uni<Award> ofSubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResult();
    }

    public Uni<List<Award>> ofEducator(UUID educatorId, int page, int size) {
        return find("educatorId = ?1 order by awardedAt desc, id", educatorId).page(page, size).list();
    }

    /** Active awards past their validUntil, oldest first, locked and skipped by a concurrent sweep. */
    public Uni<List<Award>> expiring(Instant now, int limit) {
        return find("status = :active and validUntil <= :now order by validUntil",
                Parameters.with("active", Award.Status.ACTIVE).and("now", now))
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** Every revoked award, for the public revocation list. */
    public Uni<List<Award>> revoked() {
        return list("status = ?1 order by revokedAt, id", Award.Status.REVOKED);
    }
}
