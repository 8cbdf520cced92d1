package org.district.pd.community.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Posts, and what hangs off them: earlier versions, mentions and reactions. */
@ApplicationScoped
@WithSession
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** One post's reactions: how many of each, and which the caller gave. */
    public record Reactions(Map<String, Long> counts, List<String> mine) {
    }

    public Uni<Void> saveRevision(Post post, Instant writtenAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into post_revision (post_id, revision, title, body, tried, why, impact, written_at)
                values (:post, :revision, :title, :body, :tried, :why, :impact, :at)""")
                .setParameter("post", post.id).setParameter("revision", post.revisions)
                .setParameter("title", post.title).setParameter("body", post.body)
                .setParameter("tried", post.tried).setParameter("why", post.why).setParameter("impact", post.impact)
                .setParameter("at", writtenAt).executeUpdate()).replaceWithVoid();
    }

    /** The post's earlier versions, oldest first: revision, title, body, tried, why, impact, written at. */
    public Uni<List<Object[]>> revisions(UUID postId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select revision, title, body, tried, why, impact, written_at from post_revision
                where post_id = :post order by revision""", Object[].class)
                .setParameter("post", postId).getResultList());
    }

    public Uni<Void> mention(UUID postId, Collection<UUID> educators) {
        if (educators.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into post_mention (post_id, educator_id)
                select :post, e from unnest(cast(:educators as uuid[])) as e on conflict do nothing""")
                .setParameter("post", postId).setParameter("educators", educators.toArray(UUID[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Map<UUID, List<UUID>>> mentions(Collection<UUID> postIds) {
        Map<UUID, List<UUID>> byPost = new HashMap<>();
        if (postIds.isEmpty()) {
            return Uni.createFrom().item(byPost);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select post_id, educator_id from post_mention where post_id = any(cast(:posts as uuid[]))
                order by educator_id""", Object[].class)
                .setParameter("posts", postIds.toArray(UUID[]::new)).getResultList())
                .map(rows -> {
                    rows.forEach(row -> byPost.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                            .add((UUID) row[1]));
                    return byPost;
                });
    }

    /** Adds a reaction; false when the educator gave that reaction already. */
    public Uni<Boolean> react(UUID postId, UUID educatorId, String reaction, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into post_reaction (post_id, educator_id, reaction, reacted_at)
                values (:post, :educator, :reaction, :at) on conflict do nothing""")
                .setParameter("post", postId).setParameter("educator", educatorId)
                .setParameter("reaction", reaction).setParameter("at", at).executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<Boolean> unreact(UUID postId, UUID educatorId, String reaction) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                delete from post_reaction where post_id = :post and educator_id = :educator
                and reaction = :reaction""")
                .setParameter("post", postId).setParameter("educator", educatorId)
                .setParameter("reaction", reaction).executeUpdate())
                .map(deleted -> deleted > 0);
    }

    public Uni<Map<UUID, Reactions>> reactions(Collection<UUID> postIds, UUID me) {
        Map<UUID, Reactions> byPost = new HashMap<>();
        if (postIds.isEmpty()) {
            return Uni.createFrom().item(byPost);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select post_id, reaction, count(*), bool_or(educator_id = :me) from post_reaction
                where post_id = any(cast(:posts as uuid[])) group by post_id, reaction order by reaction""",
                Object[].class)
                .setParameter("posts", postIds.toArray(UUID[]::new))
                .setParameter("me", me == null ? new UUID(0, 0) : me).getResultList())
                .map(rows -> {
                    for (Object[] row : rows) {
                        Reactions reactions = byPost.computeIfAbsent((UUID) row[0],
                                k -> new Reactions(new java.util.TreeMap<>(), new ArrayList<>()));
                        reactions.counts().put((String) row[1], ((Number) row[2]).longValue());
                        if (Boolean.TRUE.equals(row[3])) {
                            reactions.mine().add((String) row[1]);
                        }
                    }
                    return byPost;
                });
    }
}
