package org.district.pd.learning.catalog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LmsCourseMappingRepository implements PanacheRepositoryBase<LmsCourseMapping, String> {

    public Uni<List<LmsCourseMapping>> findByCourseIds(Collection<String> lmsCourseIds) {
        return lmsCourseIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("lmsCourseId in ?1", lmsCourseIds);
    }

    public Uni<List<LmsCourseMapping>> findByOffering(UUID offeringId) {
        return list("offeringId = ?1 order by lmsCourseId", offeringId);
    }
}
