package org.district.pd.community.strength;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.community.CommunityViews.Person;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.messaging.events.StrengthEndorsed;
import org.district.pd.community.messaging.events.Topics;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Strengths colleagues see in each other. A colleague is someone the endorser works with: at a school of theirs or in
 * a community they both belong to. Nobody endorses themselves, and each colleague endorses a strength once; each
 * endorsement is announced as pd.community.strength.endorsed.v1.
 */
@ApplicationScoped
public class StrengthService {

    public record StrengthView(String key, String label, Strength.Category category) {

        static StrengthView of(Strength strength) {
            return new StrengthView(strength.key, strength.label, strength.category);
        }
    }

    public record EndorsementView(UUID id, UUID educatorId, String strength, Person endorsedBy, String note,
            Instant endorsedAt) {
    }

    /** One strength of a profile: how many colleagues endorsed it, and their most recent notes. */
    public record ProfileStrength(String key, String label, Strength.Category category, long endorsements,
            List<EndorsementView> recent) {
    }

    public record ProfileView(Person educator, long endorsements, List<ProfileStrength> strengths) {
    }

    private static final String COLLEAGUES = """
            select exists (select 1 from educator a join educator b on a.school_ids && b.school_ids
                           where a.id = :me and b.id = :them)
                or exists (select 1 from member x join member y on x.community_id = y.community_id
                           where x.educator_id = :me and y.educator_id = :them
                             and x.ended_at is null and y.ended_at is null)""";

    private static final int RECENT_NOTES = 3;

    private final EducatorRepository educators;
    private final CommunityAccess access;
    private final Outbox outbox;

    StrengthService(EducatorRepository educators, CommunityAccess access, Outbox outbox) {
        this.educators = educators;
        this.access = access;
        this.outbox = outbox;
    }

    public List<StrengthView> taxonomy() {
        return Arrays.stream(Strength.values()).map(StrengthView::of).toList();
    }

    @WithTransaction
    public Uni<EndorsementView> endorse(UUID educatorId, String key, String note) {
        UUID me = access.educator();
        if (educatorId.equals(me)) {
            throw ProblemException.forbidden("You cannot endorse your own strengths; your colleagues do");
        }
        Strength strength = Strength.byKey(key).orElseThrow(() -> ProblemException.invalid("strength",
                "is not in the district's taxonomy; GET /api/v1/community/strengths lists it"));
        return educators.findById(educatorId).flatMap(educator -> {
            if (educator == null || !educator.active) {
                throw ProblemException.notFound("No active educator " + educatorId);
            }
            return Panache.getSession().flatMap(session -> session.createNativeQuery(COLLEAGUES, Boolean.class)
                    .setParameter("me", me).setParameter("them", educatorId).getSingleResult()
                    .flatMap(colleagues -> {
                        if (!colleagues) {
                            throw ProblemException.forbidden("You endorse colleagues: educators of your schools or "
                                    + "of a community you belong to");
                        }
                        UUID id = UUID.randomUUID();
                        Instant now = Instant.now();
                        String text = note == null ? "" : note.strip();
                        return session.createNativeQuery("""
                                insert into endorsement (id, educator_id, strength, endorsed_by, note, endorsed_at)
                                values (:id, :educator, :strength, :by, :note, :at)
                                on conflict (educator_id, strength, endorsed_by) do nothing""")
                                .setParameter("id", id).setParameter("educator", educatorId)
                                .setParameter("strength", strength.key).setParameter("by", me)
                                .setParameter("note", text).setParameter("at", now).executeUpdate()
                                .flatMap(inserted -> {
                                    if (inserted == 0) {
                                        throw ProblemException.conflict("You endorsed " + strength.label
                                                + " for this colleague already");
                                    }
                                    return outbox.append(Topics.COMMUNITY_EVENTS, StrengthEndorsed.TYPE, educatorId,
                                            now, new StrengthEndorsed(id, educatorId, me, strength.key,
                                                    strength.category.name(), List.of(strength.key), now));
                                })
                                .flatMap(ignored -> educators.findById(me))
                                .map(endorser -> new EndorsementView(id, educatorId, strength.key, new Person(me,
                                        endorser == null ? "" : endorser.displayName()), text, now));
                    }));
        });
    }

    /** An educator's strength profile: each endorsed strength, the most endorsed first, with recent notes. */
    @WithSession
    public Uni<ProfileView> profile(UUID educatorId) {
        return educators.findById(educatorId).flatMap(educator -> {
            if (educator == null) {
                throw ProblemException.notFound("No educator " + educatorId);
            }
            return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                    select e.strength, count(*) over (partition by e.strength) as total, e.id, e.endorsed_by,
                           coalesce(b.given_name || ' ' || b.family_name, ''), e.note, e.endorsed_at,
                           row_number() over (partition by e.strength order by e.endorsed_at desc, e.id) as n
                    from endorsement e left join educator b on b.id = e.endorsed_by
                    where e.educator_id = :educator
                    order by total desc, e.strength, n""", Object[].class)
                    .setParameter("educator", educatorId).getResultList())
                    .map(rows -> {
                        Map<String, List<EndorsementView>> recent = new LinkedHashMap<>();
                        Map<String, Long> totals = new LinkedHashMap<>();
                        for (Object[] row : rows) {
                            String key = (String) row[0];
                            totals.put(key, ((Number) row[1]).longValue());
                            List<EndorsementView> notes = recent.computeIfAbsent(key, k -> new ArrayList<>());
                            if (((Number) row[7]).intValue() <= RECENT_NOTES) {
                                notes.add(new EndorsementView((UUID) row[2], educatorId, key,
                                        new Person((UUID) row[3], (String) row[4]), (String) row[5],
                                        ((OffsetDateTime) row[6]).toInstant()));
                            }
                        }
                        List<ProfileStrength> strengths = new ArrayList<>();
                        totals.forEach((key, total) -> {
                            Strength strength = Strength.byKey(key).orElseThrow();
                            strengths.add(new ProfileStrength(key, strength.label, strength.category, total,
                                    recent.get(key)));
                        });
                        return new ProfileView(new Person(educatorId, educator.displayName()), rows.size(),
                                strengths);
                    });
        });
    }
}
