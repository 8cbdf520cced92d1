package org.district.pd.community.resource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.resource.ResourceService.ResourceView;
import org.district.pd.community.resource.rest.ResourceBodies.NewCollection;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A member's own collections of the resources they read, kept for themselves. */
@ApplicationScoped
public class CollectionService {

    public record CollectionView(UUID id, String name, String description, Instant createdAt, long items) {
    }

    public record CollectionDetail(UUID id, String name, String description, Instant createdAt,
            List<ResourceView> resources) {
    }

    /** A collection's resources the owner still reads: of their communities, or of open ones they are among. */
    private static final String ITEMS = """
            select r.* from resource r join collection_item i on i.resource_id = r.id
                   join community c on c.id = r.community_id
            where i.collection_id = :c
              and (exists (select 1 from member m where m.community_id = c.id and m.educator_id = :me
                           and m.ended_at is null)
                   or c.visibility = 'OPEN' and (c.school_id is null or c.school_id = any(cast(:schools as uuid[]))))
            order by i.added_at desc, r.id""";

    private final ResourceService resources;
    private final CommunityAccess access;

    CollectionService(ResourceService resources, CommunityAccess access) {
        this.resources = resources;
        this.access = access;
    }

    @WithTransaction
    public Uni<CollectionView> create(NewCollection body) {
        ResourceCollection collection = new ResourceCollection();
        collection.id = UUID.randomUUID();
        collection.ownerId = access.educator();
        collection.name = body.name().strip();
        collection.description = body.description() == null ? "" : body.description().strip();
        collection.createdAt = Instant.now();
        return Panache.getSession().flatMap(session -> session.persist(collection))
                .map(ignored -> new CollectionView(collection.id, collection.name, collection.description,
                        collection.createdAt, 0));
    }

    @WithSession
    public Uni<List<CollectionView>> mine() {
        UUID me = access.educator();
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select c.id, c.name, c.description, c.created_at,
                       (select count(*) from collection_item i where i.collection_id = c.id)
                from collection c where c.owner_id = :me order by c.created_at, c.id""", Object[].class)
                .setParameter("me", me).getResultList())
                .map(rows -> rows.stream().map(row -> new CollectionView((UUID) row[0], (String) row[1],
                        (String) row[2], ((java.time.OffsetDateTime) row[3]).toInstant(),
                        ((Number) row[4]).longValue())).toList());
    }

    /**
     * The collection and the resources in it, most recently added first; one the owner no longer reads (they left
     * the private community it was shared in) is left out while they cannot.
     */
    @WithSession
    public Uni<CollectionDetail> get(UUID collectionId) {
        return owned(collectionId).flatMap(collection -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(ITEMS, Resource.class).setParameter("c", collectionId)
                .setParameter("me", collection.ownerId)
                .setParameter("schools", access.schoolIds().toArray(UUID[]::new)).getResultList())
                .flatMap(resources::views)
                .map(items -> new CollectionDetail(collection.id, collection.name, collection.description,
                        collection.createdAt, items)));
    }

    /** Adds a resource the caller reads; adding it twice changes nothing. */
    @WithTransaction
    public Uni<CollectionDetail> add(UUID collectionId, UUID resourceId) {
        return owned(collectionId).flatMap(collection -> resources.readable(resourceId)
                .onFailure(ProblemException.class).transform(failure -> ProblemException.invalid("resourceId",
                        "names no resource you can read"))
                .flatMap(resource -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into collection_item (collection_id, resource_id, added_at) values (:c, :r, now())
                        on conflict do nothing""").setParameter("c", collectionId).setParameter("r", resourceId)
                        .executeUpdate())))
                .flatMap(ignored -> get(collectionId));
    }

    @WithTransaction
    public Uni<CollectionDetail> remove(UUID collectionId, UUID resourceId) {
        return owned(collectionId).flatMap(collection -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from collection_item where collection_id = :c and resource_id = :r")
                .setParameter("c", collectionId).setParameter("r", resourceId).executeUpdate()))
                .flatMap(ignored -> get(collectionId));
    }

    @WithTransaction
    public Uni<Void> delete(UUID collectionId) {
        return owned(collectionId).flatMap(collection -> Panache.getSession()
                .flatMap(session -> session.remove(collection)));
    }

    /** A collection is its owner's alone; anyone else is told it does not exist. */
    private Uni<ResourceCollection> owned(UUID collectionId) {
        UUID me = access.educator();
        return Panache.getSession().flatMap(session -> session.find(ResourceCollection.class, collectionId))
                .map(collection -> {
                    if (collection == null || !collection.ownerId.equals(me)) {
                        throw ProblemException.notFound("You have no collection " + collectionId);
                    }
                    return collection;
                });
    }
}
