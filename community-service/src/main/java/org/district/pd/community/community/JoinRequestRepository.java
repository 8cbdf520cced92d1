package org.district.pd.community.community;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class JoinRequestRepository implements PanacheRepositoryBase<JoinRequest, UUID> {

    /** The educator's pending request or invitation for the community, or null. */
    public Uni<JoinRequest> pending(UUID communityId, UUID educatorId) {
        if (educatorId == null) {
            return Uni.createFrom().nullItem();
        }
        return find("communityId = ?1 and educatorId = ?2 and status = ?3", communityId, educatorId,
                JoinRequest.Status.PENDING).firstResult();
    }
}
