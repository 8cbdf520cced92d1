package org.district.pd.community.community;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/**
 * Finds a community together with the caller's standing in it, which every rule needs. A community the caller may not
 * know exists (invite-only, another school's) is a 404, as if it did not.
 */
@ApplicationScoped
public class Communities {

    /** A community and the caller's current membership (null if none) and pending request or invitation. */
    public record Found(Community community, Member membership, JoinRequest pending) {

        public UUID id() {
            return community.id;
        }

        public boolean invited() {
            return pending != null && pending.kind == JoinRequest.Kind.INVITATION;
        }
    }

    private final CommunityRepository communities;
    private final MemberRepository members;
    private final JoinRequestRepository requests;
    private final CommunityAccess access;

    Communities(CommunityRepository communities, MemberRepository members, JoinRequestRepository requests,
            CommunityAccess access) {
        this.communities = communities;
        this.members = members;
        this.requests = requests;
        this.access = access;
    }

    public Uni<Found> find(UUID communityId) {
        UUID me = access.educatorOrNull();
        return communities.findById(communityId).flatMap(community -> {
            if (community == null) {
                throw notFound(communityId);
            }
            return members.current(communityId, me).flatMap(membership -> requests.pending(communityId, me)
                    .map(pending -> {
                        Found found = new Found(community, membership, pending);
                        if (!access.sees(community, membership, found.invited())) {
                            throw notFound(communityId);
                        }
                        return found;
                    }));
        });
    }

    /** Like {@link #find}, and the community must still be active to change anything in it. */
    public Uni<Found> findActive(UUID communityId) {
        return find(communityId).map(found -> {
            if (found.community().archivedAt != null) {
                throw ProblemException.conflict("Community " + communityId + " is archived");
            }
            return found;
        });
    }

    static ProblemException notFound(UUID communityId) {
        return ProblemException.notFound("No community " + communityId);
    }
}
