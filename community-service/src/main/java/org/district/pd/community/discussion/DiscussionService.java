package org.district.pd.community.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.community.Communities;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.community.CommunityViews.Person;
import org.district.pd.community.community.MemberRepository;
import org.district.pd.community.discussion.rest.DiscussionBodies.NewReply;
import org.district.pd.community.discussion.rest.DiscussionBodies.NewThread;
import org.district.pd.community.discussion.rest.DiscussionBodies.PostEdit;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.problem.Problem;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Threads and replies in a community, for those who read it; members post, react and mention other members. An
 * edit keeps the earlier version; a facilitator hides a post with a reason, and others then see the reason, not the
 * post.
 */
@ApplicationScoped
public class DiscussionService {

    /** A post as the caller sees it; a hidden post's words are shown only to its author and the facilitators. */
    public record PostView(UUID id, UUID threadId, UUID communityId, Post.Kind kind, String title, String body,
            String tried, String why, String impact, Person author, Instant createdAt, Instant editedAt,
            int revisions, List<Person> mentions, Map<String, Long> reactions, List<String> myReactions,
            boolean hidden, String hiddenReason, Integer replyCount, Instant lastActivityAt) {
    }

    public record ThreadView(PostView thread, PageView<PostView> replies) {
    }

    /** An earlier version of a post. */
    public record RevisionView(int revision, String title, String body, String tried, String why, String impact,
            Instant writtenAt) {
    }

    private final Communities finder;
    private final PostRepository posts;
    private final MemberRepository members;
    private final EducatorRepository educators;
    private final CommunityAccess access;

    DiscussionService(Communities finder, PostRepository posts, MemberRepository members,
            EducatorRepository educators, CommunityAccess access) {
        this.finder = finder;
        this.posts = posts;
        this.members = members;
        this.educators = educators;
        this.access = access;
    }

    /** The community's threads, the most recently active first. */
    @WithSession
    public Uni<PageView<PostView>> threads(UUID communityId, PageRequest paging) {
        return finder.find(communityId).flatMap(found -> {
            access.readContent(found.community(), found.membership());
            boolean facilitates = found.membership() != null && found.membership().facilitates();
            return posts.count("communityId = ?1 and kind <> ?2", communityId, Post.Kind.REPLY)
                    .flatMap(total -> posts.find("communityId = ?1 and kind <> ?2 order by lastActivityAt desc, id",
                            communityId, Post.Kind.REPLY).page(paging.page(), paging.size()).list()
                            .flatMap(page -> views(page, facilitates))
                            .map(items -> new PageView<>(items, paging.page(), paging.size(), total)));
        });
    }

    /** Starts a discussion, or shares a reflection: what I tried, why, and what happened for students. */
    @WithTransaction
    public Uni<PostView> startThread(UUID communityId, NewThread body) {
        if (body.kind() == Post.Kind.REPLY) {
            throw ProblemException.invalid("kind", "must be DISCUSSION or REFLECTION; reply at "
                    + "/api/v1/community/threads/{id}/replies");
        }
        if (body.kind() == Post.Kind.REFLECTION) {
            requireGiven("tried", body.tried());
            requireGiven("why", body.why());
            requireGiven("impact", body.impact());
            String title = body.title() == null || body.title().isBlank() ? "Reflection" : body.title();
            return open(communityId, Post.Kind.REFLECTION, title, "", body.tried(), body.why(), body.impact(),
                    body.mentions());
        }
        requireGiven("title", body.title());
        requireGiven("body", body.body());
        return open(communityId, Post.Kind.DISCUSSION, body.title(), body.body(), null, null, null,
                body.mentions());
    }

    /** A thread and a page of its replies, oldest first. */
    @WithSession
    public Uni<ThreadView> thread(UUID threadId, PageRequest paging) {
        return readable(threadId).flatMap(context -> {
            Post thread = context.post();
            if (!thread.isThread()) {
                throw ProblemException.notFound("No thread " + threadId + "; it is a reply in thread "
                        + thread.threadId);
            }
            return posts.count("threadId = ?1 and kind = ?2", threadId, Post.Kind.REPLY)
                    .flatMap(total -> posts.find("threadId = ?1 and kind = ?2 order by createdAt, id", threadId,
                            Post.Kind.REPLY).page(paging.page(), paging.size()).list()
                            .flatMap(replies -> {
                                List<Post> all = new ArrayList<>();
                                all.add(thread);
                                all.addAll(replies);
                                return views(all, context.facilitates());
                            })
                            .map(views -> new ThreadView(views.get(0), new PageView<>(views.subList(1, views.size()),
                                    paging.page(), paging.size(), total))));
        });
    }

    @WithTransaction
    public Uni<PostView> reply(UUID threadId, NewReply body) {
        UUID me = access.educator();
        return readable(threadId).flatMap(context -> {
            Post thread = context.post();
            if (!thread.isThread()) {
                throw ProblemException.conflict("Reply to the thread " + thread.threadId + ", not to a reply");
            }
            access.participate(context.found().membership());
            requireActive(context.found());
            if (thread.hiddenAt != null) {
                throw ProblemException.conflict("This thread was hidden by a facilitator: " + thread.hiddenReason);
            }
            Instant now = Instant.now();
            Post reply = newPost(thread.communityId, Post.Kind.REPLY, me, null, body.body(), null, null, null, now);
            reply.threadId = threadId;
            return mentionable(thread.communityId, body.mentions())
                    .flatMap(mentions -> posts.persistAndFlush(reply)
                            .call(() -> posts.mention(reply.id, mentions))
                            .call(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                    update post set reply_count = reply_count + 1, last_activity_at = :now
                                    where id = :thread""").setParameter("now", now).setParameter("thread", threadId)
                                    .executeUpdate())))
                    .flatMap(saved -> one(saved, context.facilitates()));
        });
    }

    /** The author edits their post; the version before is kept. */
    @WithTransaction
    public Uni<PostView> edit(UUID postId, PostEdit edit) {
        UUID me = access.educator();
        return readable(postId).flatMap(context -> {
            Post post = context.post();
            if (!post.authorId.equals(me)) {
                throw ProblemException.forbidden("Only its author edits a post");
            }
            if (post.hiddenAt != null) {
                throw ProblemException.conflict("A hidden post is not edited: " + post.hiddenReason);
            }
            requireActive(context.found());
            Instant now = Instant.now();
            return posts.saveRevision(post, post.editedAt == null ? post.createdAt : post.editedAt).map(ignored -> {
                apply(post, edit);
                post.revisions++;
                post.editedAt = now;
                return post;
            }).flatMap(saved -> one(saved, context.facilitates()));
        });
    }

    /** The earlier versions of a post, for those who read it (a hidden post's for its author and facilitators). */
    @WithSession
    public Uni<List<RevisionView>> revisions(UUID postId) {
        return readable(postId).flatMap(context -> {
            if (context.post().hiddenAt != null && !context.facilitates()
                    && !context.post().authorId.equals(access.educatorOrNull())) {
                throw ProblemException.forbidden("This post was hidden by a facilitator");
            }
            return posts.revisions(postId).map(rows -> rows.stream().map(row -> new RevisionView(
                    ((Number) row[0]).intValue(), (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], ((java.time.OffsetDateTime) row[6]).toInstant())).toList());
        });
    }

    @WithTransaction
    public Uni<PostView> react(UUID postId, String reaction, boolean add) {
        UUID me = access.educator();
        return readable(postId).flatMap(context -> {
            access.participate(context.found().membership());
            Uni<Boolean> change = add ? posts.react(postId, me, reaction, Instant.now())
                    : posts.unreact(postId, me, reaction);
            return change.flatMap(ignored -> one(context.post(), context.facilitates()));
        });
    }

    /** A facilitator hides a post, saying why; or shows it again. */
    @WithTransaction
    public Uni<PostView> hide(UUID postId, String reason) {
        return readable(postId).flatMap(context -> {
            access.facilitate(context.found().membership());
            Post post = context.post();
            if (reason == null) {
                post.hiddenAt = null;
                post.hiddenBy = null;
                post.hiddenReason = null;
            } else {
                post.hiddenAt = Instant.now();
                post.hiddenBy = access.educatorOrNull();
                post.hiddenReason = reason;
            }
            return one(post, true);
        });
    }

    /** Posts that mention the caller, in communities they still read, newest first. */
    @WithSession
    public Uni<PageView<PostView>> mentionsOfMe(PageRequest paging) {
        UUID me = access.educator();
        UUID[] schools = access.schoolIds().toArray(UUID[]::new);
        String where = """
                exists (select 1 from post_mention pm where pm.post_id = p.id and pm.educator_id = :me)
                and p.hidden_at is null and (exists (select 1 from member m where m.community_id = p.community_id
                    and m.educator_id = :me and m.ended_at is null)
                  or exists (select 1 from community c where c.id = p.community_id and c.visibility = 'OPEN'
                             and (c.school_id is null or c.school_id = any(cast(:schools as uuid[])))))""";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select count(*) from post p where " + where, Long.class).setParameter("me", me)
                .setParameter("schools", schools).getSingleResult()
                .flatMap(total -> session.createNativeQuery("select p.* from post p where " + where
                        + " order by p.created_at desc, p.id", Post.class).setParameter("me", me)
                        .setParameter("schools", schools)
                        .setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size()).getResultList()
                        .flatMap(page -> views(page, false))
                        .map(items -> new PageView<>(items, paging.page(), paging.size(), total))));
    }

    /** A post with its community and the caller's standing, if the caller reads the community. */
    private record Readable(Post post, Communities.Found found) {

        boolean facilitates() {
            return found.membership() != null && found.membership().facilitates();
        }
    }

    private Uni<Readable> readable(UUID postId) {
        return posts.findById(postId).flatMap(post -> {
            if (post == null) {
                throw ProblemException.notFound("No post " + postId);
            }
            return finder.find(post.communityId).map(found -> {
                access.readContent(found.community(), found.membership());
                return new Readable(post, found);
            });
        });
    }

    private Uni<PostView> open(UUID communityId, Post.Kind kind, String title, String body, String tried, String why,
            String impact, List<UUID> mentioned) {
        UUID me = access.educator();
        return finder.findActive(communityId).flatMap(found -> {
            access.participate(found.membership());
            Post post = newPost(communityId, kind, me, title, body, tried, why, impact, Instant.now());
            return mentionable(communityId, mentioned)
                    .flatMap(mentions -> posts.persistAndFlush(post).call(() -> posts.mention(post.id, mentions)))
                    .flatMap(saved -> one(saved, found.membership().facilitates()));
        });
    }

    /** The mentioned educators, each of whom must be a member: else a 400 naming mentions[i]. */
    private Uni<Set<UUID>> mentionable(UUID communityId, List<UUID> mentioned) {
        if (mentioned == null || mentioned.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return members.list("communityId = ?1 and endedAt is null and educatorId in ?2", communityId,
                new HashSet<>(mentioned)).map(found -> {
                    Set<UUID> current = new HashSet<>();
                    found.forEach(m -> current.add(m.educatorId));
                    List<Problem.Violation> violations = new ArrayList<>();
                    for (int i = 0; i < mentioned.size(); i++) {
                        if (!current.contains(mentioned.get(i))) {
                            violations.add(new Problem.Violation("mentions[" + i + "]",
                                    "is not a member of this community"));
                        }
                    }
                    if (!violations.isEmpty()) {
                        throw ProblemException.invalid(violations);
                    }
                    return new LinkedHashSet<>(mentioned);
                });
    }

    private static void requireActive(Communities.Found found) {
        if (found.community().archivedAt != null) {
            throw ProblemException.conflict("Community " + found.community().id + " is archived");
        }
    }

    private static void apply(Post post, PostEdit edit) {
        if (edit.title() != null && post.isThread()) {
            requireText("title", edit.title());
            post.title = edit.title();
        }
        if (edit.body() != null && post.kind != Post.Kind.REFLECTION) {
            requireText("body", edit.body());
            post.body = edit.body();
        }
        if (post.kind == Post.Kind.REFLECTION) {
            if (edit.tried() != null) {
                requireText("tried", edit.tried());
                post.tried = edit.tried();
            }
            if (edit.why() != null) {
                requireText("why", edit.why());
                post.why = edit.why();
            }
            if (edit.impact() != null) {
                requireText("impact", edit.impact());
                post.impact = edit.impact();
            }
        }
    }

    private static void requireGiven(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
    }

    private static void requireText(String field, String value) {
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
    }

    private static Post newPost(UUID communityId, Post.Kind kind, UUID author, String title, String body,
            String tried, String why, String impact, Instant now) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.communityId = communityId;
        post.threadId = post.id;
        post.kind = kind;
        post.authorId = author;
        post.title = title;
        post.body = body;
        post.tried = tried;
        post.why = why;
        post.impact = impact;
        post.createdAt = now;
        post.lastActivityAt = now;
        return post;
    }

    private Uni<PostView> one(Post post, boolean facilitates) {
        return views(List.of(post), facilitates).map(list -> list.get(0));
    }

    private Uni<List<PostView>> views(List<Post> page, boolean facilitates) {
        UUID me = access.educatorOrNull();
        List<UUID> ids = page.stream().map(p -> p.id).toList();
        return posts.mentions(ids).flatMap(mentions -> posts.reactions(ids, me).flatMap(reactions -> {
            Set<UUID> people = new HashSet<>();
            page.forEach(p -> people.add(p.authorId));
            mentions.values().forEach(people::addAll);
            return educators.byIds(people).map(found -> {
                Map<UUID, String> names = new HashMap<>();
                found.forEach(e -> names.put(e.id, e.displayName()));
                return page.stream().map(p -> {
                    boolean shown = p.hiddenAt == null || facilitates || p.authorId.equals(me);
                    PostRepository.Reactions r = reactions.getOrDefault(p.id,
                            new PostRepository.Reactions(Map.of(), List.of()));
                    return new PostView(p.id, p.threadId, p.communityId, p.kind, shown ? p.title : null,
                            shown ? p.body : null, shown ? p.tried : null, shown ? p.why : null,
                            shown ? p.impact : null, new Person(p.authorId, names.getOrDefault(p.authorId, "")),
                            p.createdAt, p.editedAt, p.revisions, mentions.getOrDefault(p.id, List.of()).stream()
                                    .map(id -> new Person(id, names.getOrDefault(id, ""))).toList(),
                            r.counts(), r.mine(), p.hiddenAt != null, p.hiddenReason,
                            p.isThread() ? p.replyCount : null, p.isThread() ? p.lastActivityAt : null);
                }).toList();
            });
        }));
    }
}
