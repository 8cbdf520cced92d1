package org.district.pd.platform.inbox;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The consuming side of delivery: each event's effect runs at most once per consumer, in the same transaction that
 * records the event id. Poison records fail at once (the channel's dead-letter strategy takes them); anything else is
 * retried with back-off, then dead-lettered with its last error as the reason.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            insert into inbox_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
            on conflict do nothing""";

    private final ObjectMapper json;
    private final Validator validator;
    private final InboxConfig config;

    Inbox(ObjectMapper json, Validator validator, InboxConfig config) {
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    /**
     * Processes one record for {@code consumer}. The returned Uni fails only for records that must be dead-lettered.
     * Call it from an {@code @Incoming} method that returns the Uni.
     */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record,
            Function<IncomingEvent, Uni<Void>> effect) {
        Executor onCallerContext = callerContext();
        return Uni.createFrom().deferred(() -> {
            IncomingEvent event = IncomingEvent.parse(record, json);
            return processOnce(consumer, event, effect);
        })
                // Back-off timers fire on other threads; Hibernate Reactive must stay on the consumer's Vert.x context.
                .runSubscriptionOn(onCallerContext)
                .onFailure(failure -> !(failure instanceof PoisonRecord))
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onFailure().invoke(failure -> LOG.warnf("Dead-lettering %s-%d@%d for %s: %s", record.topic(),
                        record.partition(), record.offset(), consumer, failure.getMessage()));
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

    private Uni<Void> processOnce(String consumer, IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .setParameter("type", event.type())
                        // Touches no entity table: skip the automatic flush, which dirty-checks the whole session.
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1 ? effect.apply(event) : duplicate(consumer, event.id())));
    }

    private static Uni<Void> duplicate(String consumer, UUID eventId) {
        LOG.debugf("%s already processed event %s", consumer, eventId);
        return Uni.createFrom().voidItem();
    }

    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
