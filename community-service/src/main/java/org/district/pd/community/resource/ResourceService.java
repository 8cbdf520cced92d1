package org.district.pd.community.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.community.Communities;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.community.CommunityViews.Person;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.messaging.events.ResourceShared;
import org.district.pd.community.messaging.events.Topics;
import org.district.pd.community.resource.rest.ResourceBodies.NewResource;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Curated resources: members share links in their communities (announced as pd.community.resource.shared.v1),
 * readers upvote them, and the district library ranks those shared in open communities by their upvotes.
 */
@ApplicationScoped
public class ResourceService {

    public record ResourceView(UUID id, UUID communityId, Person sharedBy, String url, String title,
            Resource.Kind kind, List<String> tags, String note, Instant sharedAt, int upvotes, boolean upvotedByMe) {
    }

    /** A tag of the library: how many resources carry it and their upvotes together. */
    public record TagView(String tag, long resources, long upvotes) {
    }

    /** Resources of open communities the caller is among those they are for: the district's, and their schools'. */
    private static final String LIBRARY = """
            from resource r join community c on c.id = r.community_id
            where c.visibility = 'OPEN' and (c.school_id is null or c.school_id = any(cast(:schools as uuid[])))""";

    private final Communities finder;
    private final ResourceRepository resources;
    private final EducatorRepository educators;
    private final CommunityAccess access;
    private final Outbox outbox;

    ResourceService(Communities finder, ResourceRepository resources, EducatorRepository educators,
            CommunityAccess access, Outbox outbox) {
        this.finder = finder;
        this.resources = resources;
        this.educators = educators;
        this.access = access;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ResourceView> share(UUID communityId, NewResource body) {
        UUID me = access.educator();
        return finder.findActive(communityId).flatMap(found -> {
            access.participate(found.membership());
            Resource resource = new Resource();
            resource.id = UUID.randomUUID();
            resource.communityId = communityId;
            resource.sharedBy = me;
            resource.url = body.url().strip();
            resource.title = body.title().strip();
            resource.kind = body.kind();
            resource.tags = body.tags() == null ? new String[0] : body.tags().stream().distinct()
                    .toArray(String[]::new);
            resource.note = body.note() == null ? "" : body.note().strip();
            resource.sharedAt = Instant.now();
            ResourceShared event = new ResourceShared(resource.id, me, communityId, resource.url, resource.title,
                    resource.kind.name(), List.of(resource.tags), resource.note, resource.sharedAt);
            return resources.persist(resource)
                    .call(() -> outbox.append(Topics.COMMUNITY_EVENTS, ResourceShared.TYPE, me, resource.sharedAt,
                            event))
                    .flatMap(saved -> views(List.of(saved))).map(list -> list.get(0));
        });
    }

    /** A community's resources, newest first or ({@code top}) most upvoted first, by tag and kind. */
    @WithSession
    public Uni<PageView<ResourceView>> ofCommunity(UUID communityId, String tag, Resource.Kind kind, boolean top,
            PageRequest paging) {
        return finder.find(communityId).flatMap(found -> {
            access.readContent(found.community(), found.membership());
            StringBuilder where = new StringBuilder("communityId = :community");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("community", communityId);
            filter(where, parameters, tag, kind);
            String order = top ? " order by upvotes desc, sharedAt desc, id" : " order by sharedAt desc, id";
            return resources.count(where.toString(), parameters).flatMap(total -> resources
                    .find(where + order, parameters).page(paging.page(), paging.size()).list()
                    .flatMap(this::views)
                    .map(items -> new PageView<>(items, paging.page(), paging.size(), total)));
        });
    }

    @WithSession
    public Uni<ResourceView> get(UUID resourceId) {
        return readable(resourceId).flatMap(resource -> views(List.of(resource))).map(list -> list.get(0));
    }

    /** The caller's upvote, given or taken back; each reader counts once. */
    @WithTransaction
    public Uni<ResourceView> upvote(UUID resourceId, boolean add) {
        UUID me = access.educator();
        return readable(resourceId).flatMap(resource -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(add
                        ? "insert into resource_vote (resource_id, educator_id, voted_at) values (:r, :me, now()) "
                                + "on conflict do nothing"
                        : "delete from resource_vote where resource_id = :r and educator_id = :me")
                .setParameter("r", resourceId).setParameter("me", me).executeUpdate()
                .flatMap(changed -> changed == 0 ? Uni.createFrom().item(0) : session.createNativeQuery(
                        "update resource set upvotes = upvotes + :delta where id = :r")
                        .setParameter("delta", add ? 1 : -1).setParameter("r", resourceId).executeUpdate())
                .call(() -> session.refresh(resource))))
                .flatMap(ignored -> get(resourceId));
    }

    /** The district library: the best-rated resources of open communities, by tag and kind. */
    @WithSession
    public Uni<PageView<ResourceView>> library(String tag, Resource.Kind kind, PageRequest paging) {
        StringBuilder where = new StringBuilder(LIBRARY);
        Map<String, Object> parameters = libraryScope();
        if (tag != null) {
            where.append(" and :tag = any(r.tags)");
            parameters.put("tag", tag);
        }
        if (kind != null) {
            where.append(" and r.kind = :kind");
            parameters.put("kind", kind.name());
        }
        return Panache.getSession().flatMap(session -> {
            var count = session.createNativeQuery("select count(*) " + where, Long.class);
            var page = session.createNativeQuery("select r.* " + where
                    + " order by r.upvotes desc, r.shared_at desc, r.id", Resource.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                page.setParameter(name, value);
            });
            return count.getSingleResult().flatMap(total -> page.setFirstResult(paging.page() * paging.size())
                    .setMaxResults(paging.size()).getResultList().flatMap(this::views)
                    .map(items -> new PageView<>(items, paging.page(), paging.size(), total)));
        });
    }

    /** The library's tags, the most upvoted first, to browse it by. */
    @WithSession
    public Uni<List<TagView>> libraryTags() {
        Map<String, Object> parameters = libraryScope();
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery("select t.tag, count(*), coalesce(sum(r.upvotes), 0) " + LIBRARY
                    .replace("from resource r join", "from resource r cross join unnest(r.tags) as t(tag) join")
                    + " group by t.tag order by 3 desc, 2 desc, 1 limit 50", Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new TagView((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue())).toList());
    }

    /** The resource, if the caller reads the community it was shared in. */
    Uni<Resource> readable(UUID resourceId) {
        return resources.findById(resourceId).flatMap(resource -> {
            if (resource == null) {
                throw ProblemException.notFound("No resource " + resourceId);
            }
            return finder.find(resource.communityId).map(found -> {
                access.readContent(found.community(), found.membership());
                return resource;
            });
        });
    }

    private Map<String, Object> libraryScope() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("schools", access.schoolIds().toArray(UUID[]::new));
        return parameters;
    }

    private static void filter(StringBuilder where, Map<String, Object> parameters, String tag, Resource.Kind kind) {
        if (tag != null) {
            where.append(" and array_position(tags, :tag) > 0");
            parameters.put("tag", tag);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.put("kind", kind);
        }
    }

    Uni<List<ResourceView>> views(List<Resource> page) {
        UUID me = access.educatorOrNull();
        Set<UUID> people = new HashSet<>();
        page.forEach(r -> people.add(r.sharedBy));
        List<UUID> ids = page.stream().map(r -> r.id).toList();
        Uni<Set<UUID>> mine = me == null || ids.isEmpty() ? Uni.createFrom().item(Set.of())
                : Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select resource_id from resource_vote where educator_id = :me "
                                + "and resource_id = any(cast(:ids as uuid[]))", UUID.class)
                        .setParameter("me", me).setParameter("ids", ids.toArray(UUID[]::new)).getResultList())
                        .map(HashSet::new);
        return mine.flatMap(voted -> educators.byIds(people).map(found -> {
            Map<UUID, String> names = new HashMap<>();
            found.forEach(e -> names.put(e.id, e.displayName()));
            List<ResourceView> views = new ArrayList<>();
            for (Resource r : page) {
                views.add(new ResourceView(r.id, r.communityId, new Person(r.sharedBy,
                        names.getOrDefault(r.sharedBy, "")), r.url, r.title, r.kind, List.of(r.tags), r.note,
                        r.sharedAt, r.upvotes, voted.contains(r.id)));
            }
            return views;
        }));
    }
}
