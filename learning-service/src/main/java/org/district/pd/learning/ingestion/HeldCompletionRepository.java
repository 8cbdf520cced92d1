package org.district.pd.learning.ingestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class HeldCompletionRepository implements PanacheRepositoryBase<HeldCompletion, UUID> {

    public Uni<List<HeldCompletion>> pendingForCourses(Collection<String> lmsCourseIds) {
        return lmsCourseIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("releasedAt is null and lmsCourseId in ?1 order by receivedAt", lmsCourseIds);
    }

    public Uni<List<HeldCompletion>> pendingForLearner(Collection<String> emails, Collection<String> sisIds,
            Collection<String> lmsAccounts) {
        List<String> matches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        match(matches, parameters, "learnerEmail", emails);
        match(matches, parameters, "learnerSisId", sisIds);
        match(matches, parameters, "learnerLmsAccount", lmsAccounts);
        if (matches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("releasedAt is null and (" + String.join(" or ", matches) + ") order by receivedAt", parameters);
    }

    public Uni<List<HeldCompletion>> pending(Page page) {
        return find("releasedAt is null order by receivedAt, id").page(page).list();
    }

    public Uni<Long> countPending() {
        return count("releasedAt is null");
    }

    private static void match(List<String> matches, Map<String, Object> parameters, String field,
            Collection<String> values) {
        if (!values.isEmpty()) {
            matches.add(field + " in :" + field);
            parameters.put(field, values);
        }
    }
}
