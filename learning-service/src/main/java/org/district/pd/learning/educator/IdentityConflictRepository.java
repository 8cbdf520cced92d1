package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.learning.educator.IdentityConflict.Resolution;
import org.district.pd.learning.educator.LearnerIdentity.Key;
import org.district.pd.learning.educator.LearnerIdentity.Kind;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** Open conflicts are changed with single statements and read as values, like the identities they are about. */
@ApplicationScoped
@WithSession
public class IdentityConflictRepository implements PanacheRepositoryBase<IdentityConflict, UUID> {

    private static final String RECORD = """
            insert into identity_conflict (id, kind, value, holder_id, claimant_id, detected_at)
            values (:id, :kind, :value, :holder, :claimant, :now)
            on conflict (kind, value, claimant_id) where resolved_at is null do nothing""";

    /** One educator's open claim on an identity. */
    public record Claim(UUID conflictId, Key key, UUID claimantId) {
    }

    /** Records that a claimant wants an identity the holder has; false when that claim is open already. */
    public Uni<Boolean> record(Key key, UUID holderId, UUID claimantId, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(RECORD)
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", key.kind().name())
                .setParameter("value", key.value())
                .setParameter("holder", holderId)
                .setParameter("claimant", claimantId)
                .setParameter("now", now)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** The open claims on one identity, first claimed first. */
    public Uni<List<Claim>> openClaimsOn(Key key) {
        return claims("c.kind = :kind and c.value = :value", Map.of("kind", key.kind(), "value", key.value()));
    }

    public Uni<List<Claim>> openClaimsBy(UUID claimantId) {
        return claims("c.claimantId = :claimant", Map.of("claimant", claimantId));
    }

    /** Which of these educators have a claim open. */
    public Uni<Set<UUID>> claimants(Collection<UUID> educatorIds) {
        return getSession().flatMap(session -> session.createSelectionQuery("select distinct c.claimantId from"
                        + " IdentityConflict c where c.claimantId in :claimants and c.resolvedAt is null", UUID.class)
                .setParameter("claimants", educatorIds)
                .getResultList())
                .map(Set::copyOf);
    }

    public Uni<Integer> resolve(UUID conflictId, Resolution resolution, Instant now) {
        return update("resolvedAt = ?1, resolution = ?2 where id = ?3", now, resolution, conflictId);
    }

    /** The other open claims on an identity that changed hands are now against its new holder. */
    public Uni<Integer> moveHolder(Key key, UUID newHolderId) {
        return update("holderId = ?1 where kind = ?2 and value = ?3 and resolvedAt is null", newHolderId, key.kind(),
                key.value());
    }

    public Uni<List<IdentityConflict>> page(Boolean open, Page page) {
        return open == null ? find("order by detectedAt desc, id").page(page).list()
                : find(filter(open) + " order by detectedAt desc, id").page(page).list();
    }

    public Uni<Long> count(Boolean open) {
        return open == null ? count() : count(filter(open));
    }

    private static String filter(boolean open) {
        return open ? "resolvedAt is null" : "resolvedAt is not null";
    }

    private Uni<List<Claim>> claims(String where, Map<String, Object> parameters) {
        return getSession().flatMap(session -> {
            var query = session.createSelectionQuery("select c.id, c.kind, c.value, c.claimantId from IdentityConflict c"
                    + " where " + where + " and c.resolvedAt is null order by c.detectedAt, c.id", Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream()
                .map(row -> new Claim((UUID) row[0], new Key((Kind) row[1], (String) row[2]), (UUID) row[3])).toList());
    }
}
