package org.district.pd.community.community;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.district.pd.community.community.CommunityViews.JoinRequestView;
import org.district.pd.community.community.CommunityViews.MemberView;
import org.district.pd.community.community.CommunityViews.MembershipView;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.educator.Educator;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The membership lifecycle: join an open community, request to join and be approved, be invited and accept, leave,
 * be removed with a reason. Each membership is a period, so a community's size at any date stays known.
 */
@ApplicationScoped
public class MembershipService {

    private final Communities finder;
    private final CommunityRepository communities;
    private final MemberRepository members;
    private final JoinRequestRepository requests;
    private final EducatorRepository educators;
    private final CommunityAccess access;

    MembershipService(Communities finder, CommunityRepository communities, MemberRepository members,
            JoinRequestRepository requests, EducatorRepository educators, CommunityAccess access) {
        this.finder = finder;
        this.communities = communities;
        this.members = members;
        this.requests = requests;
        this.educators = educators;
        this.access = access;
    }

    /**
     * The caller joins: an open community at once; a request community records a request for its facilitators (the
     * answer is the pending request, membership null); an invite-only one only by accepting an invitation.
     */
    @WithTransaction
    public Uni<JoinAnswer> join(UUID communityId, String note) {
        UUID me = access.educator();
        return finder.findForMembershipChange(communityId).map(Communities::requireActive).flatMap(found -> {
            Community community = found.community();
            if (found.membership() != null) {
                throw ProblemException.conflict("You are a member of this community already");
            }
            if (!access.inScope(community)) {
                throw ProblemException.forbidden("This community is for the educators of its school");
            }
            if (found.invited()) {
                return accept(found.pending(), community).map(member -> new JoinAnswer(member, null));
            }
            return switch (community.visibility) {
                case OPEN -> {
                    if (found.pending() != null) {
                        // Asked while it took requests; it is open now, so the request is answered by joining.
                        found.pending().status = JoinRequest.Status.APPROVED;
                        found.pending().decidedAt = Instant.now();
                        found.pending().decidedBy = me;
                    }
                    yield members.persist(Member.joining(community.id, me, Member.Role.MEMBER, me, Instant.now()))
                            .map(member -> new JoinAnswer(MembershipView.of(member), null));
                }
                case REQUEST -> {
                    if (found.pending() != null) {
                        throw ProblemException.conflict("Your request to join is pending already");
                    }
                    JoinRequest request = newRequest(community.id, me, JoinRequest.Kind.REQUEST, note, me);
                    yield requests.persist(request).map(saved -> new JoinAnswer(null,
                            CommunityService.requestView(saved, community, null)));
                }
                case INVITE -> throw ProblemException.forbidden("This community is by invitation only");
            };
        });
    }

    /** The answer to joining: the membership, or the request that now waits for a facilitator. */
    public record JoinAnswer(MembershipView membership, JoinRequestView request) {
    }

    /** The caller leaves; the last facilitator of a community with other members names a successor first. */
    @WithTransaction
    public Uni<MembershipView> leave(UUID communityId) {
        UUID me = access.educator();
        return finder.findForMembershipChange(communityId).flatMap(found -> {
            Member membership = found.membership();
            if (membership == null) {
                throw ProblemException.conflict("You are not a member of this community");
            }
            return lastFacilitatorCheck(membership).map(ignored -> end(membership, Member.Ending.LEFT, me, null));
        });
    }

    /** A facilitator or overseer removes a member, saying why. */
    @WithTransaction
    public Uni<MembershipView> remove(UUID communityId, UUID educatorId, String reason) {
        return finder.findForMembershipChange(communityId).flatMap(found -> {
            access.manage(found.community(), found.membership());
            return members.current(communityId, educatorId).flatMap(member -> {
                if (member == null) {
                    throw ProblemException.notFound("Educator " + educatorId + " is not a member of this community");
                }
                return lastFacilitatorCheck(member)
                        .map(ignored -> end(member, Member.Ending.REMOVED, access.educatorOrNull(), reason));
            });
        });
    }

    /** Makes a current member a facilitator. */
    @WithTransaction
    public Uni<MembershipView> makeFacilitator(UUID communityId, UUID educatorId) {
        return finder.findForMembershipChange(communityId).map(Communities::requireActive).flatMap(found -> {
            access.manage(found.community(), found.membership());
            return members.current(communityId, educatorId).map(member -> {
                if (member == null) {
                    throw ProblemException.invalid("educatorId", "is not a member of this community; invite them "
                            + "first");
                }
                member.role = Member.Role.FACILITATOR;
                return MembershipView.of(member);
            });
        });
    }

    /** A facilitator invites an educator the community is for; they accept or decline. */
    @WithTransaction
    public Uni<JoinRequestView> invite(UUID communityId, UUID educatorId, String note) {
        return finder.findForMembershipChange(communityId).map(Communities::requireActive).flatMap(found -> {
            Community community = found.community();
            access.manage(community, found.membership());
            return educators.findById(educatorId).flatMap(educator -> {
                if (educator == null || !educator.active) {
                    throw ProblemException.invalid("educatorId", "names no active educator in the roster");
                }
                if (community.schoolId != null && !List.of(educator.schoolIds).contains(community.schoolId)) {
                    throw ProblemException.invalid("educatorId", "is not an educator of this community's school");
                }
                return members.current(communityId, educatorId).flatMap(member -> {
                    if (member != null) {
                        throw ProblemException.conflict("Educator " + educatorId + " is a member already");
                    }
                    return requests.pending(communityId, educatorId).flatMap(pending -> {
                        if (pending != null && pending.kind == JoinRequest.Kind.REQUEST) {
                            // They asked already: the invitation is the approval.
                            return approve(pending, community).map(ignored -> decided(pending, community, educator));
                        }
                        if (pending != null) {
                            throw ProblemException.conflict("Educator " + educatorId + " is invited already");
                        }
                        JoinRequest invitation = newRequest(communityId, educatorId, JoinRequest.Kind.INVITATION,
                                note, access.educatorOrNull());
                        return requests.persist(invitation)
                                .map(saved -> CommunityService.requestView(saved, community, educator));
                    });
                });
            });
        });
    }

    /** Pending requests and invitations of a community, for those who manage it. */
    @WithSession
    public Uni<List<JoinRequestView>> pending(UUID communityId) {
        return finder.find(communityId).flatMap(found -> {
            access.manage(found.community(), found.membership());
            return requests.list("communityId = ?1 and status = ?2 order by createdAt", communityId,
                    JoinRequest.Status.PENDING)
                    .flatMap(list -> named(list.stream().map(r -> r.educatorId).toList()).map(names -> list.stream()
                            .map(r -> CommunityService.requestView(r, found.community(), names.get(r.educatorId)))
                            .toList()));
        });
    }

    /** A facilitator approves or declines a request to join. */
    @WithTransaction
    public Uni<JoinRequestView> decideRequest(UUID communityId, UUID requestId, boolean approve) {
        return finder.findForMembershipChange(communityId).map(Communities::requireActive).flatMap(found -> {
            access.manage(found.community(), found.membership());
            return pendingOf(requestId, communityId, JoinRequest.Kind.REQUEST).flatMap(request -> {
                Uni<?> effect = approve ? approve(request, found.community()) : decline(request);
                return effect.flatMap(ignored -> educators.findById(request.educatorId))
                        .map(educator -> decided(request, found.community(), educator));
            });
        });
    }

    /** The caller's pending invitations and requests. */
    @WithSession
    public Uni<List<JoinRequestView>> mine() {
        UUID me = access.educator();
        return requests.list("educatorId = ?1 and status = ?2 order by createdAt", me, JoinRequest.Status.PENDING)
                .flatMap(list -> communities.list("id in ?1", list.isEmpty() ? List.of(new UUID(0, 0))
                        : list.stream().map(r -> r.communityId).toList())
                        .map(found -> {
                            Map<UUID, Community> byId = found.stream()
                                    .collect(Collectors.toMap(c -> c.id, Function.identity()));
                            return list.stream().map(r -> CommunityService.requestView(r, byId.get(r.communityId),
                                    null)).toList();
                        }));
    }

    /** The invitee accepts or declines; the requester withdraws (decline on their own request). */
    @WithTransaction
    public Uni<JoinRequestView> answer(UUID requestId, boolean accept) {
        UUID me = access.educator();
        return requests.findById(requestId).flatMap(request -> {
            if (request == null || !request.educatorId.equals(me)) {
                throw ProblemException.notFound("You have no invitation or request " + requestId);
            }
            // The caller's own request: answered whether or not they may still see the community.
            return communities.findById(request.communityId, LockModeType.PESSIMISTIC_WRITE)
                    .call(community -> Panache.getSession().flatMap(session -> session.refresh(request)))
                    .flatMap(community -> {
                        if (request.status != JoinRequest.Status.PENDING) {
                            throw ProblemException.conflict("This " + request.kind.name().toLowerCase() + " was "
                                    + request.status.name().toLowerCase() + " already");
                        }
                        if (accept && request.kind == JoinRequest.Kind.REQUEST) {
                            throw ProblemException.conflict("A request to join is approved by the community's "
                                    + "facilitators");
                        }
                        if (accept && community.archivedAt != null) {
                            throw ProblemException.conflict("Community " + community.id + " is archived");
                        }
                        Uni<?> effect;
                        if (accept) {
                            effect = accept(request, community);
                        } else {
                            request.status = request.kind == JoinRequest.Kind.REQUEST ? JoinRequest.Status.WITHDRAWN
                                    : JoinRequest.Status.DECLINED;
                            request.decidedAt = Instant.now();
                            request.decidedBy = me;
                            effect = Uni.createFrom().voidItem();
                        }
                        return effect.map(ignored -> CommunityService.requestView(request, community, null));
                    });
        });
    }

    /** Current members, facilitators first, for members and those who oversee the community. */
    @WithSession
    public Uni<PageView<MemberView>> members(UUID communityId, PageRequest paging) {
        return finder.find(communityId).flatMap(found -> {
            access.readMembers(found.community(), found.membership());
            return members.countCurrent(communityId).flatMap(total -> members
                    .find("communityId = ?1 and endedAt is null order by case when role = ?2 then 0 else 1 end, "
                            + "joinedAt, educatorId", communityId, Member.Role.FACILITATOR)
                    .page(paging.page(), paging.size()).list()
                    .flatMap(page -> named(page.stream().map(m -> m.educatorId).toList()).map(names ->
                            new PageView<>(page.stream().map(m -> new MemberView(m.educatorId,
                                    names.containsKey(m.educatorId) ? names.get(m.educatorId).displayName() : "",
                                    m.role, m.joinedAt)).toList(), paging.page(), paging.size(), total))));
        });
    }

    private Uni<Map<UUID, Educator>> named(List<UUID> ids) {
        return educators.byIds(ids).map(list -> list.stream().collect(Collectors.toMap(e -> e.id,
                Function.identity())));
    }

    private Uni<JoinRequest> pendingOf(UUID requestId, UUID communityId, JoinRequest.Kind kind) {
        return requests.findById(requestId).map(request -> {
            if (request == null || !request.communityId.equals(communityId) || request.kind != kind) {
                throw ProblemException.notFound("No " + kind.name().toLowerCase() + " " + requestId
                        + " in this community");
            }
            if (request.status != JoinRequest.Status.PENDING) {
                throw ProblemException.conflict("This request was " + request.status.name().toLowerCase()
                        + " already");
            }
            return request;
        });
    }

    private Uni<MembershipView> accept(JoinRequest invitation, Community community) {
        return approve(invitation, community).map(MembershipView::of);
    }

    private Uni<Member> approve(JoinRequest request, Community community) {
        request.status = JoinRequest.Status.APPROVED;
        request.decidedAt = Instant.now();
        request.decidedBy = access.educatorOrNull();
        UUID addedBy = request.kind == JoinRequest.Kind.INVITATION ? request.createdBy : request.decidedBy;
        return members.persist(Member.joining(community.id, request.educatorId, Member.Role.MEMBER,
                addedBy == null ? request.educatorId : addedBy, request.decidedAt));
    }

    private Uni<Void> decline(JoinRequest request) {
        request.status = JoinRequest.Status.DECLINED;
        request.decidedAt = Instant.now();
        request.decidedBy = access.educatorOrNull();
        return Uni.createFrom().voidItem();
    }

    private static JoinRequestView decided(JoinRequest request, Community community, Educator educator) {
        return CommunityService.requestView(request, community, educator);
    }

    private Uni<Void> lastFacilitatorCheck(Member leaving) {
        if (!leaving.facilitates()) {
            return Uni.createFrom().voidItem();
        }
        return members.facilitators(leaving.communityId).flatMap(facilitators -> members
                .countCurrent(leaving.communityId).map(count -> {
                    if (facilitators.size() == 1 && count > 1) {
                        throw ProblemException.conflict("The community's last facilitator names another before "
                                + "leaving: POST /api/v1/community/communities/" + leaving.communityId
                                + "/facilitators");
                    }
                    return null;
                }));
    }

    private static MembershipView end(Member member, Member.Ending how, UUID by, String reason) {
        member.endedAt = Instant.now();
        member.endedHow = how;
        member.endedBy = by;
        member.endReason = reason;
        return MembershipView.of(member);
    }

    private static JoinRequest newRequest(UUID communityId, UUID educatorId, JoinRequest.Kind kind, String note,
            UUID by) {
        JoinRequest request = new JoinRequest();
        request.id = UUID.randomUUID();
        request.communityId = communityId;
        request.educatorId = educatorId;
        request.kind = kind;
        request.status = JoinRequest.Status.PENDING;
        request.note = note;
        request.createdAt = Instant.now();
        request.createdBy = by == null ? educatorId : by;
        return request;
    }
}
