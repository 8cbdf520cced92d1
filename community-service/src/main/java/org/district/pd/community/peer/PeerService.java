package org.district.pd.community.peer;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.community.CommunityKind;
import org.district.pd.community.community.Visibility;
import org.district.pd.community.educator.Educator;
import org.district.pd.community.educator.EducatorInterest;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.security.CommunityAccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Finding peers across schools. A teacher's own tags (interests) join what the roster says they teach to suggest
 * communities whose tags match, and colleagues at other schools who teach the same subjects or grade bands, share
 * their interests, or whom colleagues endorsed for a strength the teacher is interested in.
 */
@ApplicationScoped
public class PeerService {

    public record InterestsView(List<String> tags, Instant updatedAt) {
    }

    /** A community the caller might join, and the tags of theirs it matched. */
    public record CommunitySuggestion(UUID id, String name, CommunityKind kind, List<String> tags, UUID schoolId,
            Visibility visibility, long members, List<String> matched) {
    }

    /** A colleague at another school, and what they have in common with the caller. */
    public record ColleagueSuggestion(UUID educatorId, String name, List<UUID> schoolIds, List<String> subjects,
            List<String> gradeBands, List<String> sharedSubjects, List<String> sharedGradeBands,
            List<String> sharedInterests, List<String> endorsedStrengths) {
    }

    public record Suggestions(List<String> basedOn, List<CommunitySuggestion> communities,
            List<ColleagueSuggestion> colleagues) {
    }

    static final int LIMIT = 10;

    private static final String COMMUNITIES = """
            select c.id, c.name, c.kind, cast(to_json(c.tags) as text), c.school_id, c.visibility,
                   (select count(*) from member m where m.community_id = c.id and m.ended_at is null) as members,
                   cast(to_json(array(select t from unnest(c.tags) t where t = any(cast(:mine as text[])) order by t))
                       as text) as matched
            from community c
            where c.archived_at is null and c.visibility <> 'INVITE'
              and (c.school_id is null or c.school_id = any(cast(:schools as uuid[])))
              and c.tags && cast(:mine as text[])
              and not exists (select 1 from member m where m.community_id = c.id and m.educator_id = :me
                              and m.ended_at is null)
            order by cardinality(array(select t from unnest(c.tags) t where t = any(cast(:mine as text[])))) desc,
                     members desc, c.created_at desc, c.id
            limit :limit""";

    private static final String COLLEAGUES = """
            with candidate as (
              select e.id, e.given_name || ' ' || e.family_name as name, e.school_ids, e.subjects, e.grade_bands,
                     array(select s from unnest(e.subjects) s where s = any(cast(:subjects as text[])) order by s)
                         as shared_subjects,
                     array(select b from unnest(e.grade_bands) b where b = any(cast(:bands as text[])) order by b)
                         as shared_bands,
                     array(select t from unnest(coalesce(i.tags, '{}')) t where t = any(cast(:interests as text[]))
                           order by t) as shared_interests,
                     array(select distinct x.strength from endorsement x where x.educator_id = e.id
                           and x.strength = any(cast(:interests as text[])) order by x.strength) as strengths
              from educator e left join educator_interest i on i.educator_id = e.id
              where e.active and e.id <> :me and not (e.school_ids && cast(:schools as uuid[]))
                and (e.subjects && cast(:subjects as text[]) or e.grade_bands && cast(:bands as text[])
                     or i.tags && cast(:interests as text[])
                     or exists (select 1 from endorsement x where x.educator_id = e.id
                                and x.strength = any(cast(:interests as text[])))))
            select id, name, cast(to_json(school_ids) as text), cast(to_json(subjects) as text),
                   cast(to_json(grade_bands) as text), cast(to_json(shared_subjects) as text),
                   cast(to_json(shared_bands) as text), cast(to_json(shared_interests) as text),
                   cast(to_json(strengths) as text)
            from candidate
            order by 2 * cardinality(shared_subjects) + cardinality(shared_bands) + cardinality(shared_interests)
                     + cardinality(strengths) desc, name, id
            limit :limit""";

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final EducatorRepository educators;
    private final CommunityAccess access;
    private final ObjectMapper json;

    PeerService(EducatorRepository educators, CommunityAccess access, ObjectMapper json) {
        this.educators = educators;
        this.access = access;
        this.json = json;
    }

    /** A Postgres array the query gave as JSON text (the reactive driver does not map arrays in native rows). */
    private List<String> texts(Object column) {
        try {
            return column == null ? List.of() : json.readValue((String) column, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Postgres gave an array as invalid JSON", e);
        }
    }

    @WithSession
    public Uni<InterestsView> interests() {
        UUID me = access.educator();
        return Panache.getSession().flatMap(session -> session.find(EducatorInterest.class, me))
                .map(found -> found == null ? new InterestsView(List.of(), null)
                        : new InterestsView(List.of(found.tags), found.updatedAt));
    }

    @WithTransaction
    public Uni<InterestsView> setInterests(List<String> tags) {
        UUID me = access.educator();
        return Panache.getSession().flatMap(session -> session.find(EducatorInterest.class, me).flatMap(found -> {
            EducatorInterest interest = found == null ? new EducatorInterest() : found;
            interest.educatorId = me;
            interest.tags = tags.stream().distinct().toArray(String[]::new);
            interest.updatedAt = Instant.now();
            return (found == null ? session.persist(interest) : Uni.createFrom().voidItem())
                    .map(ignored -> new InterestsView(List.of(interest.tags), interest.updatedAt));
        }));
    }

    /** Communities and colleagues for the caller, from their subjects, grade bands, interests and strengths. */
    @WithSession
    public Uni<Suggestions> suggestions() {
        UUID me = access.educator();
        return educators.findById(me).flatMap(educator -> Panache.getSession()
                .flatMap(session -> session.find(EducatorInterest.class, me))
                .flatMap(interest -> {
                    String[] interests = interest == null ? new String[0] : interest.tags;
                    String[] subjects = educator == null || educator.subjects == null ? new String[0]
                            : educator.subjects;
                    String[] bands = educator == null || educator.gradeBands == null ? new String[0]
                            : educator.gradeBands;
                    Set<String> mine = tagsOf(interests, subjects, bands);
                    UUID[] inScope = access.schoolIds().toArray(UUID[]::new);
                    UUID[] schools = schoolsOf(educator);
                    return communities(me, mine, inScope).flatMap(communities ->
                            colleagues(me, schools, subjects, bands, interests).map(colleagues ->
                                    new Suggestions(List.copyOf(mine), communities, colleagues)));
                }));
    }

    /** The caller's tags for matching communities: interests, subjects as tags, grade bands as grades-6-8. */
    static Set<String> tagsOf(String[] interests, String[] subjects, String[] bands) {
        Set<String> tags = new LinkedHashSet<>(List.of(interests));
        for (String subject : subjects) {
            tags.add(slug(subject));
        }
        for (String band : bands) {
            tags.add("grades-" + band.toLowerCase(Locale.ROOT));
        }
        tags.remove("");
        return tags;
    }

    /** "Social Studies" as a tag: social-studies. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    /** The caller's schools by token and roster both: colleagues at any of them are not "at other schools". */
    private UUID[] schoolsOf(Educator educator) {
        Set<UUID> schools = new LinkedHashSet<>(access.schoolIds());
        if (educator != null && educator.schoolIds != null) {
            schools.addAll(List.of(educator.schoolIds));
        }
        return schools.toArray(UUID[]::new);
    }

    private Uni<List<CommunitySuggestion>> communities(UUID me, Set<String> mine, UUID[] schools) {
        if (mine.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COMMUNITIES, Object[].class)
                .setParameter("mine", mine.toArray(String[]::new)).setParameter("schools", schools)
                .setParameter("me", me).setParameter("limit", LIMIT).getResultList())
                .map(rows -> {
                    List<CommunitySuggestion> found = new ArrayList<>();
                    for (Object[] row : rows) {
                        found.add(new CommunitySuggestion((UUID) row[0], (String) row[1],
                                CommunityKind.valueOf((String) row[2]), texts(row[3]), (UUID) row[4],
                                Visibility.valueOf((String) row[5]), ((Number) row[6]).longValue(), texts(row[7])));
                    }
                    return found;
                });
    }

    private Uni<List<ColleagueSuggestion>> colleagues(UUID me, UUID[] schools, String[] subjects, String[] bands,
            String[] interests) {
        if (subjects.length + bands.length + interests.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COLLEAGUES, Object[].class)
                .setParameter("me", me).setParameter("schools", schools).setParameter("subjects", subjects)
                .setParameter("bands", bands).setParameter("interests", interests).setParameter("limit", LIMIT)
                .getResultList())
                .map(rows -> {
                    List<ColleagueSuggestion> found = new ArrayList<>();
                    for (Object[] row : rows) {
                        found.add(new ColleagueSuggestion((UUID) row[0], (String) row[1],
                                texts(row[2]).stream().map(UUID::fromString).toList(), texts(row[3]), texts(row[4]),
                                texts(row[5]), texts(row[6]), texts(row[7]), texts(row[8])));
                    }
                    return found;
                });
    }
}
