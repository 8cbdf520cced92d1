package org.district.pd.learning.catalog.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.OfferingSearch;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Offerings, and the catalog search: one SQL query whose conditions each use an index (the full-text document and the
 * tag arrays through GIN, the rest are filters on what those find), ranked by relevance when words are given.
 * Lists travel as comma-separated text, which no tag, format or id contains.
 */
@ApplicationScoped
@WithSession
public class OfferingRepository implements PanacheRepositoryBase<Offering, UUID> {

    public Uni<List<Offering>> search(OfferingSearch.Visible visible, int page, int size) {
        OfferingSearch search = visible.search();
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        where.add("o.status = :status");
        parameters.put("status", search.status().name());
        visible.schools().ifPresent(schools -> {
            where.add("(" + (visible.district() ? "o.school_id is null or " : "")
                    + "o.school_id = any(string_to_array(:schools, ',')::uuid[]))");
            parameters.put("schools", schools.stream().map(UUID::toString).collect(Collectors.joining(",")));
        });
        if (visible.schools().isEmpty() && !visible.district()) {
            where.add("o.school_id is not null");
        }
        if (search.scope() == OfferingSearch.Scope.DISTRICT) {
            where.add("o.school_id is null");
        } else if (search.scope() == OfferingSearch.Scope.SCHOOL) {
            where.add("o.school_id is not null");
        }
        if (search.schoolId() != null) {
            where.add("o.school_id = cast(:school as uuid)");
            parameters.put("school", search.schoolId().toString());
        }
        String order = "o.title, o.id";
        if (search.text() != null) {
            where.add("o.search_document @@ websearch_to_tsquery('english', :text)");
            parameters.put("text", search.text());
            order = "ts_rank(o.search_document, websearch_to_tsquery('english', :text)) desc, " + order;
        }
        if (!search.tags().isEmpty()) {
            where.add("o.competency_tags @> string_to_array(:tags, ',')");
            parameters.put("tags", String.join(",", search.tags()));
        }
        if (!search.standards().isEmpty()) {
            where.add("o.standards @> string_to_array(:standards, ',')");
            parameters.put("standards", search.standards().stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (!search.formats().isEmpty()) {
            where.add("o.format = any(string_to_array(:formats, ','))");
            parameters.put("formats", search.formats().stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        range(where, parameters, "o.duration_minutes", "minMinutes", search.minMinutes(), ">=");
        range(where, parameters, "o.duration_minutes", "maxMinutes", search.maxMinutes(), "<=");
        range(where, parameters, "o.credit_hours", "minCredit", search.minCredit(), ">=");
        range(where, parameters, "o.credit_hours", "maxCredit", search.maxCredit(), "<=");
        if (search.minRating() != null) {
            where.add("o.rating_count > 0 and o.rating_total >= :minRating * o.rating_count");
            parameters.put("minRating", search.minRating());
        }
        String sql = "select cast(o.id as text) from offering o where " + String.join(" and ", where) + " order by " + order
                + " limit :size offset :offset";
        parameters.put("size", size);
        parameters.put("offset", page * size);
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, String.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).flatMap(this::inOrder);
    }

    /** The offerings of those ids, in the order of the ids. */
    private Uni<List<Offering>> inOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> order = ids.stream().map(UUID::fromString).toList();
        return list("id in ?1", order).map(found -> found.stream()
                .sorted(Comparator.comparingInt(offering -> order.indexOf(offering.id))).toList());
    }

    private static void range(List<String> where, Map<String, Object> parameters, String column, String name,
            Object bound, String operator) {
        if (bound != null) {
            where.add(column + " " + operator + " :" + name);
            parameters.put(name, bound);
        }
    }
}
