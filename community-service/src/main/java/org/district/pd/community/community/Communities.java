package org.district.pd.community.community;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
        return find(communityId, communities.findById(communityId));
    }

    /**
     * Like {@link #find}, holding the community's row until the transaction ends: changes of membership are
     * made one at a time per community, so two of them never both pass a check the other invalidates (the last two
     * facilitators leaving at once, an approval and a withdrawal of the same request).
     */
    public Uni<Found> findForMembershipChange(UUID communityId) {
        return find(communityId, communities.findById(communityId, LockModeType.PESSIMISTIC_WRITE));
    }

    private Uni<Found> find(UUID communityId, Uni<Community> loading) {
        UUID me = access.educatorOrNull();
        return loading.flatMap(community -> {
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
        return find(communityId).map(Communities::requireActive);
    }

    public static Found requireActive(Found found) {
        if (found.community().archivedAt != null) {
            throw ProblemException.conflict("Community " + found.community().id + " is archived");
        }
        return found;
    }

    static ProblemException notFound(UUID communityId) {
        return ProblemException.notFound("No community " + communityId);
    }
}
