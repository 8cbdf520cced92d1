package org.district.pd.learning.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.ingestion.CompletionItemParser.Parsed;
import org.district.pd.learning.ingestion.CompletionRecorder.Entry;
import org.district.pd.learning.ingestion.persistence.CompletionRepository;
import org.district.pd.learning.ingestion.persistence.HeldCompletion;
import org.district.pd.learning.ingestion.persistence.HeldCompletionRepository;
import org.district.pd.learning.lmsclient.LmsClientService;
import org.district.pd.platform.id.TimeOrderedIds;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Ingestion rules for an LMS batch: the client must be bound to an LMS and reports only that LMS's courses; bad items
 * are rejected one by one; credit comes from the catalog; an external id counts once per client and a completion once
 * per educator, offering and day; completions that cannot be matched yet are held rather than dropped. Duplicates are
 * caught by unique keys, so batches that share nothing never wait on each other.
 */
@ApplicationScoped
public class CompletionIngestionService {

    private final LmsClientService clients;
    private final CompletionRepository completions;
    private final HeldCompletionRepository held;
    private final Matching matching;
    private final CompletionRecorder recorder;

    CompletionIngestionService(LmsClientService clients, CompletionRepository completions, HeldCompletionRepository held,
            Matching matching, CompletionRecorder recorder) {
        this.clients = clients;
        this.completions = completions;
        this.held = held;
        this.matching = matching;
        this.recorder = recorder;
    }

    public Uni<BatchReport> ingest(String clientId, List<JsonNode> items) {
        Instant now = Instant.now();
        List<Parsed> parsed = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            parsed.add(CompletionItemParser.parse(index, items.get(index), now));
        }
        return TransactionRetry.retrying(() -> Panache.withTransaction(() -> ingestOnce(clientId, parsed, now)))
                .map(results -> BatchReport.of(Arrays.asList(results)));
    }

    /** One attempt; everything it decides is thrown away with its transaction if PostgreSQL aborts it. */
    private Uni<ItemResult[]> ingestOnce(String clientId, List<Parsed> parsed, Instant now) {
        ItemResult[] results = new ItemResult[parsed.size()];
        List<CompletionItem> valid = new ArrayList<>();
        for (int index = 0; index < parsed.size(); index++) {
            Parsed item = parsed.get(index);
            if (item.item() == null) {
                results[index] = ItemResult.rejected(index, item.externalId(), item.violations());
            } else {
                valid.add(item.item());
            }
        }
        return clients.lmsOf(clientId)
                .flatMap(lms -> matching.resolve(valid.stream().map(CompletionItem::learner).toList(),
                        valid.stream().map(item -> new LmsCourse(lms, item.lmsCourseId())).toList())
                        .flatMap(resolution -> admit(clientId, lms, valid, resolution, results, now)))
                .replaceWith(results);
    }

    /**
     * Decides each item, then claims the external ids of those to accept or hold: an id another batch claimed first is
     * a duplicate, and so is a completion whose educator, offering and day another item recorded first.
     */
    private Uni<Void> admit(String clientId, String lms, List<CompletionItem> items, Resolution resolution,
            ItemResult[] results, Instant now) {
        Map<String, CompletionItem> reported = new HashMap<>();
        Map<String, Entry> toAccept = new HashMap<>();
        Map<String, HeldCompletion> toHold = new HashMap<>();
        for (CompletionItem item : items) {
            if (reported.containsKey(item.externalId())) {
                results[item.index()] = ItemResult.duplicateExternalId(item);
                continue;
            }
            LearnerMatch learner = resolution.learner(item.learner());
            Optional<Offering> offering = resolution.offering(lms, item.lmsCourseId());
            Credit credit = offering.map(found -> Credit.of(found, item.hours())).orElse(null);
            if (credit != null && credit.refused()) {
                results[item.index()] = ItemResult.hoursRefused(item, credit);
                continue;
            }
            reported.put(item.externalId(), item);
            if (learner.found() && offering.isPresent()) {
                toAccept.put(item.externalId(), Entry.of(item.index(), clientId, item.externalId(), learner.educatorId(),
                        offering.get(), item.completedAt(), credit.hours(), now));
            } else {
                Unmatched unmatched = Unmatched.of(learner, offering.isEmpty(), item.learner(), lms, item.lmsCourseId());
                toHold.put(item.externalId(), hold(clientId, lms, item, unmatched, now));
                results[item.index()] = ItemResult.unmatched(item, unmatched);
            }
        }
        return completions.claim(clientId, reported.keySet().stream().sorted().toList(), now).flatMap(claimed -> {
            Set<String> repeated = new HashSet<>(reported.keySet());
            repeated.removeAll(claimed);
            repeated.forEach(externalId -> results[reported.get(externalId).index()] =
                    ItemResult.duplicateExternalId(reported.get(externalId)));
            List<HeldCompletion> holds = toHold.values().stream().filter(hold -> claimed.contains(hold.externalId)).toList();
            List<Entry> entries = toAccept.values().stream()
                    .filter(entry -> claimed.contains(entry.completion().externalId)).toList();
            return (holds.isEmpty() ? Uni.createFrom().voidItem() : held.persist(holds))
                    .flatMap(saved -> recorder.record(entries))
                    .invoke(inserted -> entries.forEach(entry -> {
                        CompletionItem item = reported.get(entry.completion().externalId);
                        UUID completionId = entry.completion().id;
                        results[item.index()] = inserted.contains(completionId) ? ItemResult.accepted(item, completionId)
                                : ItemResult.duplicateCompletion(item);
                    }))
                    .replaceWithVoid();
        });
    }

    private static HeldCompletion hold(String clientId, String lms, CompletionItem item, Unmatched unmatched, Instant now) {
        HeldCompletion hold = new HeldCompletion();
        hold.id = TimeOrderedIds.next();
        hold.clientId = clientId;
        hold.externalId = item.externalId();
        hold.learnerEmail = item.learner().email();
        hold.learnerSisId = item.learner().sisId();
        hold.learnerLmsAccount = item.learner().lmsAccount();
        hold.lms = lms;
        hold.lmsCourseId = item.lmsCourseId();
        hold.completedAt = item.completedAt();
        hold.creditHours = item.hours();
        hold.reason = unmatched.reason();
        hold.detail = unmatched.detail();
        hold.receivedAt = now;
        return hold;
    }
}
