package org.district.pd.learning.xapi;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.ActivitiesMapped;
import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnersIdentified;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Statements that could not earn when they were stored, and can now, in the transaction that made it possible:
 * <ul>
 * <li>held statements, once a roster update or an admin's link names their learner (by email, or by account on the
 * LMS the statement's client is bound to);</li>
 * <li>statements about an activity, once it is mapped to an offering; those whose learner is unknown are then
 * held.</li>
 * </ul>
 */
@ApplicationScoped
public class LateCredit implements LearnersIdentified, ActivitiesMapped {

    /** Statements about a newly mapped activity are credited this many at a time. */
    static final int PAGE = 500;

    private final StatementStore store;
    private final XapiCredit credit;

    LateCredit(StatementStore store, XapiCredit credit) {
        this.store = store;
        this.credit = credit;
    }

    @Override
    public Uni<Integer> learnersIdentified(Collection<LearnerIdentity.Key> identities) {
        List<String> emails = identities.stream().filter(key -> key.kind() == LearnerIdentity.Kind.EMAIL)
                .map(LearnerIdentity.Key::value).toList();
        List<String> accounts = identities.stream().filter(key -> key.kind() == LearnerIdentity.Kind.LMS_ACCOUNT)
                .map(LearnerIdentity.Key::value).toList();
        Instant now = Instant.now();
        return store.heldFor(emails, accounts).flatMap(byClient -> Multi.createFrom()
                .iterable(byClient.entrySet())
                .onItem().transformToUniAndConcatenate((Map.Entry<String, List<JsonNode>> held) ->
                        credit.release(held.getKey(), held.getValue(), now))
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    @Override
    public Uni<Void> activitiesMapped(Collection<String> activityIds) {
        if (activityIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return creditFrom(List.copyOf(activityIds), 0L, Instant.now());
    }

    private Uni<Void> creditFrom(List<String> activityIds, long after, Instant now) {
        return store.earningAbout(activityIds, XapiCredit.EARNING_VERBS, after, PAGE).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<String, List<JsonNode>> byClient = page.stream().collect(Collectors.groupingBy(
                    StatementStore.OfClient::clientId, LinkedHashMap::new,
                    Collectors.mapping(StatementStore.OfClient::statement, Collectors.toList())));
            long last = page.get(page.size() - 1).seq();
            return Multi.createFrom().iterable(byClient.entrySet())
                    .onItem().transformToUniAndConcatenate(stored -> credit.creditStored(stored.getKey(),
                            stored.getValue(), now))
                    .collect().last()
                    .flatMap(done -> page.size() < PAGE ? Uni.createFrom().voidItem()
                            : creditFrom(activityIds, last, now));
        });
    }
}
