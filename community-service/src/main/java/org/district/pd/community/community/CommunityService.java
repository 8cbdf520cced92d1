package org.district.pd.community.community;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.CommunityConfig;
import org.district.pd.community.community.CommunityViews.CommunityView;
import org.district.pd.community.community.CommunityViews.GrowthPoint;
import org.district.pd.community.community.CommunityViews.GrowthView;
import org.district.pd.community.community.CommunityViews.JoinRequestView;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.community.CommunityViews.Person;
import org.district.pd.community.community.rest.CommunityBody;
import org.district.pd.community.educator.Educator;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Starting, describing, finding and archiving communities, and their growth over time. */
@ApplicationScoped
public class CommunityService {

    /** What the caller may list: everything for a district admin; else what is for them, theirs, or overseen. */
    private static final String VISIBLE = """
            c.archivedAt is null and (:admin = true
              or (c.visibility <> 'INVITE' and (c.schoolId is null or c.schoolId in :schools))
              or (:principal = true and c.schoolId in :schools)
              or exists (select 1 from Member m where m.communityId = c.id and m.educatorId = :me
                         and m.endedAt is null)
              or exists (select 1 from JoinRequest r where r.communityId = c.id and r.educatorId = :me
                         and r.status = 'PENDING' and r.kind = 'INVITATION'))""";

    /** Month by month, members at its end and who joined and left in it; the months in the district's zone. */
    private static final String GROWTH = """
            with months as (
              select generate_series(date_trunc('month', cast(:from as timestamptz) at time zone :zone),
                                     date_trunc('month', cast(:to as timestamptz) at time zone :zone),
                                     interval '1 month') as start_local)
            select to_char(m.start_local, 'YYYY-MM'),
                   (select count(*) from member x where x.community_id = :community
                      and x.joined_at < (m.start_local + interval '1 month') at time zone :zone
                      and (x.ended_at is null
                           or x.ended_at >= (m.start_local + interval '1 month') at time zone :zone)),
                   (select count(*) from member x where x.community_id = :community
                      and x.joined_at >= m.start_local at time zone :zone
                      and x.joined_at < (m.start_local + interval '1 month') at time zone :zone),
                   (select count(*) from member x where x.community_id = :community
                      and x.ended_at >= m.start_local at time zone :zone
                      and x.ended_at < (m.start_local + interval '1 month') at time zone :zone)
            from months m order by m.start_local""";

    private static final UUID NOBODY = new UUID(0, 0);

    private final CommunityRepository communities;
    private final MemberRepository members;
    private final JoinRequestRepository requests;
    private final EducatorRepository educators;
    private final Communities finder;
    private final CommunityAccess access;
    private final ZoneId zone;

    CommunityService(CommunityRepository communities, MemberRepository members, JoinRequestRepository requests,
            EducatorRepository educators, Communities finder, CommunityAccess access, CommunityConfig config) {
        this.communities = communities;
        this.members = members;
        this.requests = requests;
        this.educators = educators;
        this.finder = finder;
        this.access = access;
        this.zone = config.timeZone();
    }

    /** Starts a community; its founder, when an educator, is its first facilitator. */
    @WithTransaction
    public Uni<CommunityView> create(CommunityBody body) {
        access.create(body.kind(), body.schoolId());
        if (Boolean.TRUE.equals(body.creditBearing())) {
            access.grantCredit(body.schoolId());
        }
        Instant now = Instant.now();
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.kind = body.kind();
        community.createdAt = now;
        UUID founder = access.educatorOrNull();
        community.createdBy = founder == null ? NOBODY : founder;
        community.schoolId = body.schoolId();
        describe(community, body);
        Uni<Void> facilitator = founder == null ? Uni.createFrom().voidItem()
                : members.persist(Member.joining(community.id, founder, Member.Role.FACILITATOR, founder, now))
                        .replaceWithVoid();
        return communities.persist(community).call(() -> facilitator)
                .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                .flatMap(ignored -> view(finderResult(community)));
    }

    @WithTransaction
    public Uni<CommunityView> update(UUID communityId, CommunityBody body) {
        return finder.findActive(communityId).flatMap(found -> {
            access.manage(found.community(), found.membership());
            Community community = found.community();
            if (body.kind() != community.kind) {
                throw ProblemException.invalid("kind", "cannot change: it is " + community.kind);
            }
            if (!java.util.Objects.equals(body.schoolId(), community.schoolId)) {
                throw ProblemException.invalid("schoolId", "cannot change: it decides who the community is for");
            }
            // Left out, it stays as it is: a facilitator edits the purpose without touching what the district granted.
            if (body.creditBearing() != null && body.creditBearing() != community.creditBearing) {
                access.grantCredit(community.schoolId);
            }
            describe(community, body);
            return view(found);
        });
    }

    /** A district admin, or the principal of its school, makes the community credit-bearing or takes that back. */
    @WithTransaction
    public Uni<CommunityView> grantCredit(UUID communityId, boolean creditBearing) {
        return finder.findActive(communityId).flatMap(found -> {
            access.grantCredit(found.community().schoolId);
            found.community().creditBearing = creditBearing;
            return view(found);
        });
    }

    /**
     * Archives a community: it stays readable by id, leaves the lists, nothing new happens in it, and its meetings
     * still to come are cancelled.
     */
    @WithTransaction
    public Uni<CommunityView> archive(UUID communityId) {
        return finder.findActive(communityId).flatMap(found -> {
            access.manage(found.community(), found.membership());
            Instant now = Instant.now();
            found.community().archivedAt = now;
            return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                    update meeting set cancelled_at = :now
                    where community_id = :community and cancelled_at is null and starts_at > :now""")
                    .setParameter("now", now).setParameter("community", communityId).executeUpdate())
                    .flatMap(ignored -> view(found));
        });
    }

    @WithSession
    public Uni<CommunityView> get(UUID communityId) {
        return finder.find(communityId).flatMap(this::view);
    }

    /** Communities the caller may see, filtered; {@code mine} keeps those the caller belongs to. */
    @WithSession
    public Uni<PageView<CommunityView>> search(CommunityKind kind, String tag, UUID schoolId, String text,
            boolean mine, PageRequest paging) {
        StringBuilder where = new StringBuilder(VISIBLE);
        Map<String, Object> parameters = new HashMap<>();
        UUID me = access.educatorOrNull();
        Set<UUID> schools = access.schoolIds();
        parameters.put("admin", access.isDistrictAdmin());
        parameters.put("principal", access.isPrincipal());
        parameters.put("schools", schools.isEmpty() ? Set.of(NOBODY) : schools);
        parameters.put("me", me == null ? NOBODY : me);
        if (kind != null) {
            where.append(" and c.kind = :kind");
            parameters.put("kind", kind);
        }
        if (tag != null) {
            where.append(" and array_position(c.tags, :tag) > 0");
            parameters.put("tag", tag);
        }
        if (schoolId != null) {
            where.append(" and c.schoolId = :school");
            parameters.put("school", schoolId);
        }
        if (text != null) {
            where.append(" and (lower(c.name) like :text or lower(c.purpose) like :text)");
            parameters.put("text", "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (mine) {
            where.append(" and exists (select 1 from Member m2 where m2.communityId = c.id and m2.educatorId = :me"
                    + " and m2.endedAt is null)");
        }
        return Panache.getSession().flatMap(session -> {
            var count = session.createSelectionQuery("select count(*) from Community c where " + where, Long.class);
            var page = session.createSelectionQuery("from Community c where " + where + " order by c.name, c.id",
                    Community.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                page.setParameter(name, value);
            });
            return count.getSingleResult().flatMap(total -> page.setFirstResult(paging.page() * paging.size())
                    .setMaxResults(paging.size()).getResultList()
                    .flatMap(this::views)
                    .map(items -> new PageView<>(items, paging.page(), paging.size(), total)));
        });
    }

    /** Membership month by month since the community began, to see a cohort of 8 grow to 22. */
    @WithSession
    public Uni<GrowthView> growth(UUID communityId) {
        return finder.find(communityId).flatMap(found -> {
            access.readMembers(found.community(), found.membership());
            Instant now = Instant.now();
            return Panache.getSession().flatMap(session -> session.createNativeQuery(GROWTH, Object[].class)
                    .setParameter("from", found.community().createdAt)
                    .setParameter("to", now)
                    .setParameter("zone", zone.getId())
                    .setParameter("community", communityId)
                    .getResultList())
                    .map(rows -> {
                        List<GrowthPoint> months = new ArrayList<>();
                        long peak = 0;
                        for (Object[] row : rows) {
                            GrowthPoint point = new GrowthPoint((String) row[0], number(row[1]), number(row[2]),
                                    number(row[3]));
                            peak = Math.max(peak, point.members());
                            months.add(point);
                        }
                        long current = months.isEmpty() ? 0 : months.get(months.size() - 1).members();
                        return new GrowthView(communityId, current, peak, months);
                    });
        });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static void describe(Community community, CommunityBody body) {
        community.name = body.name().strip();
        community.purpose = body.purpose().strip();
        community.tags = body.tagList().toArray(String[]::new);
        community.visibility = body.visibility();
        if (body.creditBearing() != null) {
            community.creditBearing = body.creditBearing();
        }
    }

    private Communities.Found finderResult(Community community) {
        return new Communities.Found(community, null, null);
    }

    Uni<CommunityView> view(Communities.Found found) {
        return views(List.of(found.community())).map(list -> list.get(0));
    }

    /**
     * Views of a page of communities in a few queries, whatever its size: member counts, facilitators and their
     * names, and the caller's own membership and pending request or invitation.
     */
    private Uni<List<CommunityView>> views(List<Community> page) {
        UUID me = access.educatorOrNull();
        List<UUID> ids = page.stream().map(c -> c.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("""
                select m.communityId, count(*) from Member m where m.communityId in :ids and m.endedAt is null
                group by m.communityId""", Object[].class).setParameter("ids", ids).getResultList()
                .flatMap(counts -> members.list("communityId in ?1 and endedAt is null and (role = ?2 or "
                        + "educatorId = ?3) order by joinedAt", ids, Member.Role.FACILITATOR, me == null ? NOBODY : me)
                        .flatMap(roles -> educators.byIds(roles.stream().filter(Member::facilitates)
                                .map(m -> m.educatorId).distinct().toList())
                                .flatMap(people -> requests.list("communityId in ?1 and educatorId = ?2 and "
                                        + "status = ?3", ids, me == null ? NOBODY : me, JoinRequest.Status.PENDING)
                                        .map(pending -> {
                                            Map<UUID, Long> size = new HashMap<>();
                                            counts.forEach(row -> size.put((UUID) row[0], (Long) row[1]));
                                            Map<UUID, String> names = new HashMap<>();
                                            people.forEach(e -> names.put(e.id, e.displayName()));
                                            Map<UUID, JoinRequest> mine = new HashMap<>();
                                            pending.forEach(r -> mine.put(r.communityId, r));
                                            return page.stream().map(c -> view(c, size.getOrDefault(c.id, 0L),
                                                    roles, names, mine.get(c.id), me)).toList();
                                        })))));
    }

    private static CommunityView view(Community c, long size, List<Member> roles, Map<UUID, String> names,
            JoinRequest pending, UUID me) {
        List<Person> facilitators = roles.stream().filter(m -> m.communityId.equals(c.id) && m.facilitates())
                .map(m -> new Person(m.educatorId, names.getOrDefault(m.educatorId, ""))).toList();
        Member.Role myRole = roles.stream().filter(m -> m.communityId.equals(c.id) && m.educatorId.equals(me))
                .map(m -> m.role).findFirst().orElse(null);
        return new CommunityView(c.id, c.kind, c.name, c.purpose, List.of(c.tags), c.schoolId, c.visibility,
                c.creditBearing, c.createdAt, c.archivedAt, size, facilitators, myRole,
                pending == null ? null : requestView(pending, c, null));
    }

    static JoinRequestView requestView(JoinRequest request, Community community, Educator educator) {
        return new JoinRequestView(request.id, request.communityId, community == null ? null : community.name,
                request.educatorId, educator == null ? null : educator.displayName(), request.kind, request.status,
                request.note, request.createdAt, request.decidedAt);
    }
}
