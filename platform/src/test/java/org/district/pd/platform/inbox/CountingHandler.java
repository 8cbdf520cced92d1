package org.district.pd.platform.inbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A consumer whose effect is not idempotent by itself (a row per application) and whose failures the test chooses:
 * what keeps a redelivery from counting twice is the inbox alone.
 */
@ApplicationScoped
public class CountingHandler implements EventHandler {

    static final String CONSUMER = "inbox-test";
    /** Events of this type are applied in bulk. */
    static final String BULK = "pd.platform.tested.bulk.v1";

    /** Failures to throw before the effect succeeds; each call of the effect takes one. */
    private volatile Supplier<RuntimeException> failure = () -> null;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> bulkRuns = new CopyOnWriteArrayList<>();

    void failNext(int times, Supplier<RuntimeException> with) {
        failure = with;
        failuresLeft.set(times);
    }

    /** How often the effect was called, failures included. */
    int calls() {
        return calls.get();
    }

    /** The size of each run {@link #handleAll} applied, in order. */
    List<Integer> bulkRuns() {
        return bulkRuns;
    }

    @Override
    public boolean appliesInBulk(String type) {
        return BULK.equals(type);
    }

    /** Each event's effect, with one persist call per event but one call of this for the run. */
    @Override
    public Uni<Void> handleAll(List<IncomingEvent> events) {
        bulkRuns.add(events.size());
        if (events.stream().anyMatch(CountingHandler::poisoned)) {
            return Uni.createFrom().failure(new PoisonRecord("an event of the run has \"poison\": true"));
        }
        return Panache.getSession().flatMap(session -> session.persistAll(events.stream().map(event -> {
            TestEffect effect = new TestEffect();
            effect.id = UUID.randomUUID();
            effect.eventId = event.id();
            return effect;
        }).toArray()));
    }

    @Override
    public String topic() {
        return "pd.platform.inbox-test";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            return Uni.createFrom().failure(failure.get());
        }
        if (event.type().endsWith(".unknown.v1")) {
            return Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        }
        if (poisoned(event)) {
            return Uni.createFrom().failure(new PoisonRecord("the event has \"poison\": true"));
        }
        TestEffect effect = new TestEffect();
        effect.id = UUID.randomUUID();
        effect.eventId = event.id();
        return Panache.getSession().flatMap(session -> session.persist(effect));
    }

    /** Data the handler refuses, alone or in a run: {@code {"poison": true}}. */
    private static boolean poisoned(IncomingEvent event) {
        return event.data() != null && event.data().path("poison").asBoolean(false);
    }
}
