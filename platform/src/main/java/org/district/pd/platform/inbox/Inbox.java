package org.district.pd.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.health.Readiness;
import org.district.pd.platform.problem.Outage;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The consuming side of delivery: each event's effect runs at most once per consumer, in the same transaction that
 * records the event id. A record that can never be processed becomes a dead letter; an outage of the database or
 * the broker is waited out, however long it lasts, and the consumer reports itself not ready meanwhile.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            insert into inbox_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
            on conflict do nothing""";

    private static final String RECORD_ALL = """
            insert into inbox_event (consumer, event_id, event_type)
            select :consumer, e.id, e.type
            from rows from (jsonb_to_recordset(cast(cast(:events as text) as jsonb)) as (id uuid, type text))
                 with ordinality as e(id, type, n)
            order by e.n
            on conflict do nothing""";

    /** What became of one event offered to the inbox. */
    public enum Outcome {
        APPLIED, ALREADY_APPLIED
    }

    private final ObjectMapper json;
    private final Validator validator;
    private final InboxConfig config;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;

    Inbox(ObjectMapper json, Validator validator, InboxConfig config, DeadLetters deadLetters,
            @Readiness ConsumerHealth health) {
        this.json = json;
        this.validator = validator;
        this.config = config;
        this.deadLetters = deadLetters;
        this.health = health;
    }

    /**
     * Processes one record for {@code handler}, or dead-letters it. The returned Uni completes once either is
     * committed and never fails: transient failures are retried with capped back-off for as long as they last, so the
     * channel stops taking records meanwhile and carries on in order afterwards. Return it from the
     * {@code @Incoming} method.
     */
    public Uni<Void> consume(EventHandler handler, ConsumerRecord<String, String> record) {
        return consume(handler, record, callerContext());
    }

    private Uni<Void> consume(EventHandler handler, ConsumerRecord<String, String> record, Executor onCallerContext) {
        AtomicInteger unexplained = new AtomicInteger();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        // Poison is dead-lettered inside: whatever fails here is waited out.
        return waitingOut(Uni.createFrom().deferred(() -> processOrDeadLetter(handler, record, where, unexplained)),
                failure -> true, onCallerContext, handler, stream(handler, List.of(record)), where);
    }

    /**
     * Processes the records of one poll for {@code handler} in one transaction: each new event's effect in order, with
     * its inbox row, and one commit for them all, which is what makes a backlog drain fast. When anything in the
     * batch fails other than an outage (poison, or a failure not explained), nothing of it was committed and its
     * records are taken again one by one through {@link #consume}: the poison becomes a dead letter and the rest is
     * applied. An outage is waited out and the whole batch tried again. Return it from a batch {@code @Incoming}
     * method ({@code batch=true}).
     */
    public Uni<Void> consumeAll(EventHandler handler, ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return consumeAll(handler, list);
    }

    /** {@link #consumeAll(EventHandler, ConsumerRecords)} for records in the order they are to be applied. */
    public Uni<Void> consumeAll(EventHandler handler, List<ConsumerRecord<String, String>> records) {
        if (records.size() <= 1) {
            return records.isEmpty() ? Uni.createFrom().voidItem() : consume(handler, records.get(0));
        }
        Executor onCallerContext = callerContext();
        ConsumerRecord<String, String> first = records.get(0);
        String where = records.size() + " records from " + first.topic() + "-" + first.partition() + "@"
                + first.offset();
        String stream = stream(handler, records);
        return waitingOut(Uni.createFrom().deferred(() -> processAllOnce(handler, records)), Outage::causedBy,
                        onCallerContext, handler, stream, where)
                .onFailure().recoverWithUni(failure -> {
                    health.recovered(stream);
                    LOG.infof("%s takes %s one by one: %s", handler.consumer(), where,
                            LogSafe.text(String.valueOf(failure.getMessage())));
                    return Multi.createFrom().iterable(records)
                            .onItem().transformToUniAndConcatenate(record -> consume(handler, record, onCallerContext))
                            .collect().last();
                });
    }

    /**
     * Retries {@code work}'s {@code waited} failures with capped back-off for as long as they last, readiness down for
     * {@code stream} meanwhile. Back-off timers fire on other threads; Hibernate Reactive must stay on the consumer's
     * Vert.x context.
     */
    private <T> Uni<T> waitingOut(Uni<T> work, Predicate<Throwable> waited, Executor onCallerContext,
            EventHandler handler, String stream, String where) {
        return work.runSubscriptionOn(onCallerContext)
                .onFailure(waited).invoke(failure -> {
                    health.retrying(stream, where, failure);
                    LOG.warnf("%s cannot process %s yet, retrying: %s", handler.consumer(), where,
                            LogSafe.text(failure.toString()));
                })
                .onFailure(waited).retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(Long.MAX_VALUE)
                .invoke(() -> health.recovered(stream));
    }

    /** Runs a stored record through the same path as a live one, for a dead-letter replay; poison fails the Uni. */
    Uni<Outcome> replay(EventHandler handler, Headers headers, String value) {
        return Uni.createFrom().deferred(() -> processOnce(handler, IncomingEvent.parse(headers, value, json)));
    }

    /** Maps event data onto the consumer's own record type and validates it; bad data is poison. */
    public <T> T data(IncomingEvent event, Class<T> type) {
        T data;
        try {
            data = json.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonRecord("data of " + event.type() + " does not match its contract: " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonRecord("invalid " + event.type() + ": " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        return data;
    }

    private Uni<Void> processOrDeadLetter(EventHandler handler, ConsumerRecord<String, String> record, String where,
            AtomicInteger unexplained) {
        return Uni.createFrom().deferred(() -> processOnce(handler, IncomingEvent.parse(record, json)))
                .replaceWithVoid()
                .onFailure(failure -> isPoison(failure, unexplained.incrementAndGet()))
                .recoverWithUni(failure -> {
                    LOG.warnf("%s dead-letters %s: %s", handler.consumer(), where, LogSafe.text(failure.getMessage()));
                    // If the dead letter cannot be written either, that failure is retried like any outage.
                    return deadLetters.record(handler.consumer(), record, reason(failure));
                });
    }

    /**
     * Poison fails the same way on every try: a record that does not parse or breaks its contract, an unknown type,
     * a rule that always fails. An outage never is. A failure we cannot explain gets a few tries first, so a blip
     * that shows up in an unexpected form is not taken for poison.
     */
    private boolean isPoison(Throwable failure, int attempt) {
        if (failure instanceof PoisonRecord) {
            return true;
        }
        if (Outage.causedBy(failure)) {
            return false;
        }
        return attempt >= config.unexplainedFailureAttempts();
    }

    /**
     * A consumer's stream of one topic and the partitions of these records, as readiness names it: a consumer may read
     * several topics, with several consumers of one topic (concurrency), each waiting out an outage of its own.
     */
    private static String stream(EventHandler handler, List<ConsumerRecord<String, String>> records) {
        String partitions = records.stream().map(ConsumerRecord::partition).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(","));
        return handler.consumer() + " on " + handler.topic() + " (partition " + partitions + ")";
    }

    private static String reason(Throwable failure) {
        if (failure instanceof PoisonRecord) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private Uni<Void> processAllOnce(EventHandler handler, List<ConsumerRecord<String, String>> records) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            events.add(IncomingEvent.parse(record, json));
        }
        // Each event's (or run's) writes are flushed and the session cleared before the next: what a later event reads
        // sees them, and no check before a query walks a persistence context grown through the poll (quadratic in it).
        return Panache.withTransaction(() -> Multi.createFrom().iterable(runs(handler, events))
                .onItem().transformToUniAndConcatenate(run -> (run.size() == 1 ? applyOnce(handler, run.get(0))
                                : applyAllOnce(handler, run))
                        .call(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear))))
                .collect().last())
                .replaceWithVoid();
    }

    /** The poll's events in order, consecutive events of one type the handler applies in bulk taken together. */
    private static List<List<IncomingEvent>> runs(EventHandler handler, List<IncomingEvent> events) {
        List<List<IncomingEvent>> runs = new ArrayList<>();
        List<IncomingEvent> run = null;
        for (IncomingEvent event : events) {
            boolean joins = run != null && run.get(0).type().equals(event.type());
            if (!joins) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(event);
            if (!handler.appliesInBulk(event.type())) {
                run = null;
            }
        }
        return runs;
    }

    /**
     * Records a run's event ids in the inbox with one statement and applies them together. Any of them seen before (a
     * redelivery) fails the poll, which is then taken again record by record: each event still applies once.
     */
    private Uni<Void> applyAllOnce(EventHandler handler, List<IncomingEvent> run) {
        ArrayNode rows = json.createArrayNode();
        run.forEach(event -> rows.addObject().put("id", event.id().toString()).put("type", event.type()));
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RECORD_ALL)
                        .setParameter("consumer", handler.consumer())
                        .setParameter("events", rows.toString())
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .flatMap(inserted -> inserted == run.size() ? handler.handleAll(run)
                        : Uni.createFrom().failure(new IllegalStateException((run.size() - inserted) + " of "
                                + run.size() + " events were processed before or repeat in the run")));
    }

    private Uni<Outcome> processOnce(EventHandler handler, IncomingEvent event) {
        return Panache.withTransaction(() -> applyOnce(handler, event));
    }

    /** Records the event id in the inbox and applies the event, inside the caller's transaction, unless it was. */
    private Uni<Outcome> applyOnce(EventHandler handler, IncomingEvent event) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", handler.consumer())
                        .setParameter("eventId", event.id())
                        .setParameter("type", event.type())
                        // Hibernate Reactive flushes before a native update whatever this says (it reads the session's
                        // flush mode): a caller holding many entities flushes and clears its session first.
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? handler.handle(event).replaceWith(Outcome.APPLIED)
                        : duplicate(handler.consumer(), event.id()));
    }

    private static Uni<Outcome> duplicate(String consumer, UUID eventId) {
        // Already applied: a redelivery after a crash or rebalance, or a replay of what was applied meanwhile.
        LOG.debugf("%s already processed event %s", consumer, eventId);
        return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
    }

    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
