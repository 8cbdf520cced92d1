package org.district.pd.learning.catalog.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class XapiActivityMappingRepository implements PanacheRepositoryBase<XapiActivityMapping, String> {

    public Uni<List<XapiActivityMapping>> findByActivities(Collection<String> activityIds) {
        return activityIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("activityId in ?1", activityIds);
    }

    public Uni<List<XapiActivityMapping>> findByOfferings(Collection<UUID> offeringIds) {
        return offeringIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("offeringId in ?1 order by activityId", offeringIds);
    }
}
