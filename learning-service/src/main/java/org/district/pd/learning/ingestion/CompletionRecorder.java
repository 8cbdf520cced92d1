package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.ingestion.persistence.Completion;
import org.district.pd.learning.ingestion.persistence.CompletionRepository;
import org.district.pd.learning.messaging.events.CourseCompleted;
import org.district.pd.learning.messaging.events.CourseVoided;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/** Stores accepted completions and their course.completed events in the caller's transaction, each completion once. */
@ApplicationScoped
public class CompletionRecorder {

    /**
     * Every writer inserts completions in this order, so two transactions that share keys wait on each other in the
     * same direction and never deadlock. Of two entries for one educator, offering and day, the earlier one wins.
     */
    private static final Comparator<Entry> ORDER = Comparator.<Entry, UUID>comparing(entry -> entry.completion().educatorId)
            .thenComparing(entry -> entry.completion().offeringId)
            .thenComparing(entry -> entry.completion().completedDay)
            .thenComparingInt(Entry::position);

    private final CompletionRepository completions;
    private final Outbox outbox;

    CompletionRecorder(CompletionRepository completions, Outbox outbox) {
        this.completions = completions;
        this.outbox = outbox;
    }

    /** One completion to record, with the offering whose credit it earns and its position among those recorded. */
    public record Entry(Completion completion, Offering offering, int position) {

        static Entry of(int position, String clientId, String externalId, UUID educatorId, Offering offering,
                Instant completedAt, BigDecimal creditHours, Instant now) {
            return of(position, CompletionSource.LMS, clientId, externalId, educatorId, offering, completedAt,
                    creditHours, now);
        }

        /** A completion reported by {@code clientId} (an LMS client, or this service for sessions and requests). */
        public static Entry of(int position, CompletionSource source, String clientId, String externalId,
                UUID educatorId, Offering offering, Instant completedAt, BigDecimal creditHours, Instant now) {
            Completion completion = new Completion();
            completion.id = TimeOrderedIds.next();
            completion.clientId = clientId;
            completion.externalId = externalId;
            completion.educatorId = educatorId;
            completion.offeringId = offering.id;
            completion.completedAt = completedAt;
            completion.completedDay = CompletionItem.dayOf(completedAt);
            completion.creditHours = creditHours;
            completion.receivedAt = now;
            completion.source = source.name();
            return new Entry(completion, offering, position);
        }
    }

    /** Records those entries that are new and returns their completion ids; the rest were recorded before. */
    public Uni<Set<UUID>> record(List<Entry> entries) {
        List<Entry> ordered = entries.stream().sorted(ORDER).toList();
        return completions.insertNew(ordered.stream().map(Entry::completion).toList())
                .call(inserted -> outbox.appendEach(Topics.LEARNING_EVENTS, ordered.stream()
                        .filter(entry -> inserted.contains(entry.completion().id)).map(CompletionRecorder::completed)
                        .toList()));
    }

    /**
     * Voids the live completions {@code clientId} reported under these external ids, each with course.voided and the
     * reason {@code why} gives for its external id.
     */
    public Uni<Void> voidReported(String clientId, CompletionSource source, Collection<String> externalIds,
            Instant at, Function<String, String> why) {
        if (externalIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return completions.liveLocked("clientId = ?1 and source = ?2 and externalId in ?3", clientId, source.name(),
                externalIds).flatMap(found -> voided(found, at, why));
    }

    /** Voids the educator's live completion of the offering from this source, if there is one. */
    public Uni<Void> voidOf(UUID educatorId, UUID offeringId, CompletionSource source, Instant at, String reason) {
        return completions.liveLocked("educatorId = ?1 and offeringId = ?2 and source = ?3", educatorId, offeringId,
                source.name()).flatMap(found -> voided(found, at, externalId -> reason));
    }

    /** How many times the educator's completion of the offering from this source was voided. */
    public Uni<Long> timesVoided(UUID educatorId, UUID offeringId, CompletionSource source) {
        return completions.voided(educatorId, offeringId, source.name());
    }

    private Uni<Void> voided(List<Completion> found, Instant at, Function<String, String> why) {
        found.forEach(completion -> completion.voidedAt = at);
        return outbox.appendEach(Topics.LEARNING_EVENTS, found.stream().map(completion -> new Outbox.Event(
                CourseVoided.TYPE, completion.educatorId, at, new CourseVoided(completion.id, completion.educatorId, at,
                        why.apply(completion.externalId)))).toList());
    }

    private static Outbox.Event completed(Entry entry) {
        Completion completion = entry.completion();
        Offering offering = entry.offering();
        return new Outbox.Event(CourseCompleted.TYPE, completion.educatorId, completion.completedAt,
                new CourseCompleted(completion.id, completion.educatorId, offering.id, completion.externalId,
                        completion.completedAt, completion.creditHours, offering.creditType.name(), offering.category,
                        completion.source, List.of(offering.competencyTags), offering.provider));
    }
}
