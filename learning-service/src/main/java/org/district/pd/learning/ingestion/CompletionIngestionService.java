package org.district.pd.learning.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.ingestion.CompletionItemParser.Parsed;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Ingestion rules for an LMS batch: bad items are rejected one by one, an external id counts once per client,
 * and completions that cannot be matched yet are held rather than dropped.
 */
@ApplicationScoped
public class CompletionIngestionService {

    private final CompletionRepository completions;
    private final HeldCompletionRepository held;
    private final Matching matching;
    private final CompletionRecorder recorder;

    CompletionIngestionService(CompletionRepository completions, HeldCompletionRepository held, Matching matching,
            CompletionRecorder recorder) {
        this.completions = completions;
        this.held = held;
        this.matching = matching;
        this.recorder = recorder;
    }

    @WithTransaction
    public Uni<BatchReport> ingest(String clientId, List<JsonNode> items) {
        Instant now = Instant.now();
        ItemResult[] results = new ItemResult[items.size()];
        List<CompletionItem> valid = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Parsed parsed = CompletionItemParser.parse(index, items.get(index), now);
            if (parsed.item() == null) {
                results[index] = ItemResult.rejected(index, parsed.externalId(), parsed.violations());
            } else {
                valid.add(parsed.item());
            }
        }
        return serializePerClient(clientId)
                .flatMap(locked -> completions.knownExternalIds(clientId, valid.stream().map(CompletionItem::externalId).toList()))
                .flatMap(known -> matching.resolve(valid.stream().map(CompletionItem::learner).toList(),
                        valid.stream().map(CompletionItem::lmsCourseId).toList())
                        .flatMap(resolution -> process(clientId, valid, new HashSet<>(known), resolution, now)))
                .map(processed -> {
                    processed.forEach(result -> results[result.index()] = result);
                    return BatchReport.of(Arrays.stream(results).filter(Objects::nonNull).toList());
                });
    }

    /** Two batches from one client that repeat an external id must not both pass the duplicate check. */
    private static Uni<Long> serializePerClient(String clientId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:client))) locked", Long.class)
                .setParameter("client", "completions:" + clientId)
                .getSingleResult());
    }

    private Uni<List<ItemResult>> process(String clientId, List<CompletionItem> items, Set<String> seen,
            Resolution resolution, Instant now) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> processOne(clientId, item, seen, resolution, now))
                .collect().asList();
    }

    private Uni<ItemResult> processOne(String clientId, CompletionItem item, Set<String> seen, Resolution resolution,
            Instant now) {
        if (!seen.add(item.externalId())) {
            return Uni.createFrom().item(ItemResult.duplicate(item));
        }
        var educator = resolution.educator(item.learner());
        var offering = resolution.offering(item.lmsCourseId());
        if (educator.isPresent() && offering.isPresent()) {
            return recorder.record(clientId, item.externalId(), educator.get(), offering.get(), item.completedAt(), item.hours())
                    .map(completion -> ItemResult.accepted(item, completion.id));
        }
        Unmatched unmatched = Unmatched.of(educator.isEmpty(), offering.isEmpty(), item.learner(), item.lmsCourseId());
        return held.persist(hold(clientId, item, unmatched, now)).replaceWith(ItemResult.unmatched(item, unmatched));
    }

    private static HeldCompletion hold(String clientId, CompletionItem item, Unmatched unmatched, Instant now) {
        HeldCompletion hold = new HeldCompletion();
        hold.id = UUID.randomUUID();
        hold.clientId = clientId;
        hold.externalId = item.externalId();
        hold.learnerEmail = item.learner().email();
        hold.learnerSisId = item.learner().sisId();
        hold.learnerLmsAccount = item.learner().lmsAccount();
        hold.lmsCourseId = item.lmsCourseId();
        hold.completedAt = item.completedAt();
        hold.creditHours = item.hours();
        hold.reason = unmatched.reason();
        hold.detail = unmatched.detail();
        hold.receivedAt = now;
        return hold;
    }
}
