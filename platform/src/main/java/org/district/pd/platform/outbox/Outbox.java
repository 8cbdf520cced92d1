package org.district.pd.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.MDC;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.web.CorrelationIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Appends events to the outbox table inside the caller's own transaction; the relay publishes them. */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
            values (:id, :topic, :key, :type, :source, :subject, :time, :correlationId, :payload)""";

    private static final String INSERT_RECORD = """
            insert into outbox_event (id, topic, event_key, headers, payload)
            values (:id, :topic, :key, cast(cast(:headers as text) as jsonb), :payload)""";

    private static final String INSERT_ALL = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
            select e.id, $1, e.subject, $2, $3, e.subject, $4, $5, e.payload
            from unnest($6::uuid[], $7::text[], $8::text[]) with ordinality as e(id, subject, payload, n)
            order by e.n""";

    private static final String INSERT_EACH = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
            select e.id, $1, e.subject, e.type, $2, e.subject, e.time, $3, e.payload
            from unnest($4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
                 with ordinality as e(id, subject, type, time, payload, n)
            order by e.n""";

    private static final String INSERT_IN_SESSION = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
            select e.id, cast(:topic as text), e.subject, e.type, cast(:source as text), e.subject, e.time,
                   cast(:correlationId as text), e.payload
            from rows from (jsonb_to_recordset(cast(cast(:events as text) as jsonb))
                     as (id uuid, subject text, type text, time timestamptz, payload text))
                 with ordinality as e(id, subject, type, time, payload, n)
            order by e.n""";

    /** One event for {@link #appendEach}: its type, the educator it is about, when it happened, and its data. */
    public record Event(String type, UUID educatorId, Instant time, Object data) {
    }

    private final ObjectMapper json;
    private final String source;

    Outbox(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.source = "/" + application;
    }

    /**
     * Records one event keyed and subjected by the educator it is about. Fails unless a transaction is open, because
     * an event written outside the state change's transaction could be published for a change that rolled back.
     */
    public Uni<UUID> append(String topic, String type, UUID educatorId, Instant time, Object data) {
        UUID id = TimeOrderedIds.next();
        String payload = serialize(data);
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        return inTransaction()
                .flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("key", educatorId.toString())
                        .setParameter("type", type)
                        .setParameter("source", source)
                        .setParameter("subject", educatorId.toString())
                        .setParameter("time", time)
                        .setParameter("correlationId", correlationId == null ? null : correlationId.toString())
                        .setParameter("payload", payload)
                        // Hibernate Reactive flushes before a native update whatever this says (it reads the session's
                        // flush mode): a caller holding many entities flushes and clears its session first.
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .replaceWith(id);
    }

    /**
     * Records events of any types, in the list's order, in one statement inside the caller's Panache transaction: one
     * round trip and one automatic flush for a whole batch, where {@link #append} per event costs one of each per event
     * (and each flush dirty-checks every entity the session holds, whatever the query's flush mode).
     */
    public Uni<Void> appendEach(String topic, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        for (Event event : events) {
            rows.addObject()
                    .put("id", TimeOrderedIds.next().toString())
                    .put("subject", event.educatorId().toString())
                    .put("type", event.type())
                    .put("time", event.time().toString())
                    .put("payload", serialize(event.data()));
        }
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        return inTransaction()
                .flatMap(session -> session.createNativeQuery(INSERT_IN_SESSION)
                        .setParameter("topic", topic)
                        .setParameter("source", source)
                        .setParameter("correlationId", correlationId == null ? null : correlationId.toString())
                        .setParameter("events", rows.toString())
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Records one event per educator, its data already JSON (e.g. a snapshot the caller also stores), in a single
     * statement and in the map's order, on a connection of the reactive pool that is inside a transaction: the bulk
     * path of work that commits thousands of changes per transaction.
     */
    public Uni<Void> appendAll(SqlConnection transaction, String topic, String type, Instant time,
            Map<UUID, String> payloadByEducator) {
        if (transaction.transaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException("the outbox needs an open transaction"));
        }
        if (payloadByEducator.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        Tuple parameters = Tuple.tuple().addString(topic).addString(type).addString(source)
                .addOffsetDateTime(time.atOffset(ZoneOffset.UTC))
                .addString(correlationId == null ? null : correlationId.toString())
                .addArrayOfUUID(payloadByEducator.keySet().stream().map(key -> TimeOrderedIds.next()).toArray(UUID[]::new))
                .addArrayOfString(payloadByEducator.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .addArrayOfString(payloadByEducator.values().toArray(String[]::new));
        return transaction.preparedQuery(INSERT_ALL).execute(parameters).replaceWithVoid();
    }

    /**
     * Records events of any types, in the list's order, in a single statement on a connection of the reactive pool that
     * is inside a transaction: for work that runs on its own connections rather than in a Panache transaction.
     */
    public Uni<Void> appendEach(SqlConnection transaction, String topic, List<Event> events) {
        if (transaction.transaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException("the outbox needs an open transaction"));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        Tuple parameters = Tuple.tuple().addString(topic).addString(source)
                .addString(correlationId == null ? null : correlationId.toString())
                .addArrayOfUUID(events.stream().map(event -> TimeOrderedIds.next()).toArray(UUID[]::new))
                .addArrayOfString(events.stream().map(event -> event.educatorId().toString()).toArray(String[]::new))
                .addArrayOfString(events.stream().map(Event::type).toArray(String[]::new))
                .addArrayOfOffsetDateTime(events.stream().map(event -> event.time().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfString(events.stream().map(event -> serialize(event.data())).toArray(String[]::new));
        return transaction.preparedQuery(INSERT_EACH).execute(parameters).replaceWithVoid();
    }

    /**
     * Records a Kafka record that is not one of our CloudEvents, such as a dead letter, with exactly these headers.
     * A null key is kept as the empty string, which the relay publishes as no key.
     */
    public Uni<UUID> appendRecord(String topic, String key, Map<String, String> headers, String payload) {
        UUID id = TimeOrderedIds.next();
        String headerJson = serialize(headers);
        return inTransaction()
                .flatMap(session -> session.createNativeQuery(INSERT_RECORD)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("key", key == null ? "" : key)
                        .setParameter("headers", headerJson)
                        .setParameter("payload", payload == null ? "" : payload)
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .replaceWith(id);
    }

    private static Uni<Mutiny.Session> inTransaction() {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("the outbox needs an open transaction"))
                .flatMap(tx -> Panache.getSession());
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialized: " + data.getClass().getName(), e);
        }
    }
}
