package org.district.pd.learning.ingestion.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.LmsCourse;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class HeldCompletionRepository implements PanacheRepositoryBase<HeldCompletion, UUID> {

    public Uni<List<HeldCompletion>> pendingForCourses(Collection<LmsCourse> courses) {
        Map<String, List<String>> byLms = courses.stream().collect(Collectors.groupingBy(LmsCourse::lms, TreeMap::new,
                Collectors.mapping(LmsCourse::courseId, Collectors.toList())));
        List<String> matches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String>> lms : byLms.entrySet()) {
            matches.add("(lms = :lms" + n + " and lmsCourseId in :courses" + n + ")");
            parameters.put("lms" + n, lms.getKey());
            parameters.put("courses" + n, lms.getValue());
            n++;
        }
        return pending(matches, parameters);
    }

    public Uni<List<HeldCompletion>> pendingForLearner(Collection<String> emails, Collection<String> sisIds,
            Collection<String> lmsAccounts) {
        List<String> matches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        match(matches, parameters, "learnerEmail", emails);
        match(matches, parameters, "learnerSisId", sisIds);
        match(matches, parameters, "learnerLmsAccount", lmsAccounts);
        return pending(matches, parameters);
    }

    public Uni<List<HeldCompletion>> pending(Page page) {
        return find("releasedAt is null order by receivedAt, id").page(page).list();
    }

    public Uni<Long> countPending() {
        return count("releasedAt is null");
    }

    private Uni<List<HeldCompletion>> pending(List<String> matches, Map<String, Object> parameters) {
        if (matches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("releasedAt is null and (" + String.join(" or ", matches) + ") order by receivedAt, id", parameters);
    }

    private static void match(List<String> matches, Map<String, Object> parameters, String field,
            Collection<String> values) {
        if (!values.isEmpty()) {
            matches.add(field + " in :" + field);
            parameters.put(field, values);
        }
    }
}
