package org.district.pd.community.community;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /** The educator's current membership of the community, or null. */
    public Uni<Member> current(UUID communityId, UUID educatorId) {
        if (educatorId == null) {
            return Uni.createFrom().nullItem();
        }
        return find("communityId = ?1 and educatorId = ?2 and endedAt is null", communityId, educatorId)
                .firstResult();
    }

    public Uni<List<Member>> facilitators(UUID communityId) {
        return list("communityId = ?1 and role = ?2 and endedAt is null order by joinedAt", communityId,
                Member.Role.FACILITATOR);
    }

    public Uni<Long> countCurrent(UUID communityId) {
        return count("communityId = ?1 and endedAt is null", communityId);
    }
}
