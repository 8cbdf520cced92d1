package org.district.pd.learning.outside;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class OutsideRequestRepository implements PanacheRepositoryBase<OutsideRequest, UUID> {

    /** The request, locked until the transaction ends: each decision moves it from the status it was read in. */
    public Uni<OutsideRequest> findLocked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Requests newest first: of one educator, or of some schools (empty: every school), optionally of one status.
     */
    public Uni<List<OutsideRequest>> list(UUID educatorId, Optional<Set<UUID>> schools,
            OutsideRequest.Status status, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (educatorId != null) {
            query.append(" and educatorId = :educator");
            parameters.and("educator", educatorId);
        }
        if (schools.isPresent()) {
            if (schools.get().isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            query.append(" and schoolId in :schools");
            parameters.and("schools", schools.get());
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query + " order by createdAt desc, id", parameters).page(page, size).list();
    }

    public Uni<List<OutsideRequestStep>> steps(UUID requestId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "from OutsideRequestStep where key.requestId = :id order by key.position", OutsideRequestStep.class)
                .setParameter("id", requestId)
                .getResultList());
    }
}
