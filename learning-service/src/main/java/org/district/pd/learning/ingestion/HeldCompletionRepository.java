package org.district.pd.learning.ingestion;

import java.util.Collection;
import java.util.List;
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
        return list("""
                releasedAt is null and (learnerEmail in ?1 or learnerSisId in ?2 or learnerLmsAccount in ?3)
                order by receivedAt""", orNone(emails), orNone(sisIds), orNone(lmsAccounts));
    }

    public Uni<List<HeldCompletion>> pending(Page page) {
        return find("releasedAt is null order by receivedAt, id").page(page).list();
    }

    public Uni<Long> countPending() {
        return count("releasedAt is null");
    }

    /** An empty IN list is not valid SQL everywhere; a value no identity can have keeps the query simple. */
    private static Collection<String> orNone(Collection<String> values) {
        return values.isEmpty() ? List.of("\u0000") : values;
    }
}
