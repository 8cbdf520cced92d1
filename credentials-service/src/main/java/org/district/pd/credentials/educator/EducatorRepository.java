package org.district.pd.credentials.educator;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class EducatorRepository implements PanacheRepositoryBase<Educator, UUID> {

    /** The educator's schools; empty for one the roster does not know. */
    public Uni<Set<UUID>> schools(UUID educatorId) {
        return findById(educatorId).map(found -> found == null || found.schoolIds == null ? Set.of()
                : Set.of(found.schoolIds));
    }

    /** Everyone who coaches this teacher on any of their plans. */
    public Uni<List<UUID>> coachesOf(UUID educatorId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select coachId from CoachAssignment where educatorId = :educator and coachId is not null", UUID.class)
                .setParameter("educator", educatorId).getResultList());
    }
}
