package org.district.pd.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The proof per completion: the completions the LMS was told are accepted are exactly the ledger's entries, each
 * once. Per-teacher totals cannot tell one lost completion plus one counted twice for the same teacher.
 */
final class ExactlyOnce {

    private static final int SHOWN = 5;

    private ExactlyOnce() {
    }

    /**
     * The completion id of everything the LMS got accepted, by external id. An item accepted by a post whose answer
     * was lost is known to the LMS only as a later {@code duplicate}; its id is looked up in pd_learning.completion.
     */
    static Map<String, String> acceptedCompletions(Lms lms) {
        Map<String, String> ids = new HashMap<>();
        List<String> unseen = new ArrayList<>();
        lms.answers().forEach((externalId, answer) -> {
            if (answer.completionId() != null) {
                ids.put(externalId, answer.completionId());
            } else {
                unseen.add(externalId);
            }
        });
        if (!unseen.isEmpty()) {
            Map<String, String> found = LearningRecords.completionIds(unseen);
            List<String> missing = unseen.stream().filter(externalId -> !found.containsKey(externalId)).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError(missing.size() + " items answered duplicate after posts that got no answer have no "
                        + "completion in pd_learning: " + first(missing));
            }
            ids.putAll(found);
            Progress.print("%d completions were accepted by a post whose answer was lost; their ids come from pd_learning",
                    unseen.size());
        }
        return ids;
    }

    /** Waits until the ledger holds exactly these completions, each once, then checks that it stays so for 5 s. */
    static List<Ledger.Entry> awaitLedger(Ledger ledger, Collection<String> completionIds, Duration atMost) {
        Set<String> expected = Set.copyOf(completionIds);
        if (expected.size() != completionIds.size()) {
            throw new AssertionError("the platform gave one completion id to two accepted items");
        }
        AtomicReference<List<Ledger.Entry>> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertExactlyOnce(read(ledger, last), expected));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertExactlyOnce(read(ledger, last), expected));
        Progress.print("the ledger holds the %d accepted completions of this test, each exactly once, and nothing else",
                expected.size());
        return last.get();
    }

    private static List<Ledger.Entry> read(Ledger ledger, AtomicReference<List<Ledger.Entry>> last) {
        last.set(ledger.entries());
        return last.get();
    }

    private static void assertExactlyOnce(List<Ledger.Entry> entries, Set<String> expected) {
        Map<String, Long> counts = entries.stream().collect(Collectors.groupingBy(Ledger.Entry::sourceRef, Collectors.counting()));
        List<String> missing = expected.stream().filter(id -> !counts.containsKey(id)).toList();
        List<String> unexpected = counts.keySet().stream().filter(id -> !expected.contains(id)).toList();
        List<String> twice = counts.entrySet().stream().filter(count -> count.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty() || !twice.isEmpty()) {
            throw new AssertionError(("%d completions accepted, %d ledger entries for this test's educators: %d accepted "
                    + "completions missing %s, %d entries for completions never accepted %s, %d completions counted more "
                    + "than once %s").formatted(expected.size(), entries.size(), missing.size(), first(missing),
                            unexpected.size(), first(unexpected), twice.size(), first(twice)));
        }
    }

    private static List<String> first(List<String> ids) {
        return ids.stream().limit(SHOWN).toList();
    }
}
