package org.district.pd.learning.xapi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnersIdentified;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Earning statements held for a learner the roster did not know: a roster update or an admin's link that names the
 * learner (by email, or by account on the LMS the statement's client is bound to) credits them, in its transaction.
 */
@ApplicationScoped
public class HeldStatements implements LearnersIdentified {

    private final StatementStore store;
    private final XapiCredit credit;

    HeldStatements(StatementStore store, XapiCredit credit) {
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
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)));
    }
}
