package org.district.pd.community.educator;

import java.util.Collection;
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

    public Uni<List<Educator>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
