package org.district.pd.learning.rating;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class RatingRepository implements PanacheRepositoryBase<Rating, Rating.Key> {

    public Uni<List<Rating>> ofOffering(UUID offeringId, int page, int size) {
        return find("key.offeringId = ?1 order by updatedAt desc, key.educatorId", offeringId).page(page, size).list();
    }

    /** Whether the educator completed the offering or attended one of its sessions: who may rate it. */
    public Uni<Boolean> tookPart(UUID educatorId, UUID offeringId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                select exists (select 1 from completion where educator_id = :educator and offering_id = :offering
                               and voided_at is null)
                    or exists (select 1 from attendance where educator_id = :educator and offering_id = :offering
                               and voided_at is null)""",
                Boolean.class)
                .setParameter("educator", educatorId)
                .setParameter("offering", offeringId)
                .getSingleResult());
    }
}
