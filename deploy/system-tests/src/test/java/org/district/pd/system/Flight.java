package org.district.pd.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What was in flight at one instant of a test, reconstructed afterwards from when the LMS got each {@code accepted}
 * answer, when learning-service's relay marked the event sent, and when plan-service wrote the ledger entry.
 *
 * @param accepted completions answered {@code accepted} before the instant
 * @param recorded those of them already in the ledger at the instant
 * @param onKafka those not yet in the ledger whose event the relay had already marked sent: on their way to plan-service
 */
record Flight(Instant at, long accepted, long recorded, long onKafka) {

    long inFlight() {
        return accepted - recorded;
    }

    static Flight at(Instant at, Map<String, Lms.Answer> answers, List<Ledger.Entry> ledger, Map<UUID, Instant> sentAt) {
        Map<String, Ledger.Entry> entries = ledger.stream().collect(Collectors.toMap(Ledger.Entry::sourceRef, Function.identity(),
                (one, other) -> one.recordedAt().isBefore(other.recordedAt()) ? one : other));
        List<Ledger.Entry> acceptedBefore = answers.values().stream()
                .filter(answer -> answer.seen() && answer.answeredAt().isBefore(at))
                .map(answer -> entries.get(answer.completionId()))
                .toList();
        long recorded = acceptedBefore.stream().filter(entry -> entry != null && entry.recordedAt().isBefore(at)).count();
        long onKafka = acceptedBefore.stream()
                .filter(entry -> entry != null && !entry.recordedAt().isBefore(at))
                .filter(entry -> sentAt.containsKey(entry.eventId()) && sentAt.get(entry.eventId()).isBefore(at))
                .count();
        return new Flight(at, acceptedBefore.size(), recorded, onKafka);
    }

    @Override
    public String toString() {
        return "%d completions accepted, %d of them in the ledger, %d in flight (%d of those already marked sent to Kafka, %d not yet)"
                .formatted(accepted, recorded, inFlight(), onKafka, inFlight() - onKafka);
    }
}
