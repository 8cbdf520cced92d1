package org.district.pd.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes dead letters: the record as it arrived, with the reason, kept in the database for listing and replay, and
 * published to {@code <topic>.<consumer>.dlq} through the outbox, so a broker outage cannot lose it either.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REASON = "dead-letter-reason";

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private static final String INSERT = """
            insert into dead_letter (id, consumer, topic, partition_no, record_offset, record_key, headers, payload,
                                     event_id, event_type, reason)
            values (:id, :consumer, :topic, :partition, :offset, :key, cast(cast(:headers as text) as jsonb), :payload,
                    :eventId, :eventType, :reason)
            on conflict (consumer, topic, partition_no, record_offset) do nothing""";

    private static final String COLUMNS = """
            id, consumer, topic, partition_no, record_offset, record_key, event_id, event_type, reason, dead_lettered_at,
            replay_count, replayed_at, replay_outcome""";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Pool pool;
    private final String topicPrefix;

    DeadLetters(Outbox outbox, ObjectMapper json, Pool pool,
            @ConfigProperty(name = "pd.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.outbox = outbox;
        this.json = json;
        this.pool = pool;
        this.topicPrefix = topicPrefix.orElse("");
    }

    /** One page, oldest first; {@code pending} only those not yet replayed successfully, or all when null. */
    public Uni<DeadLetterPage> list(Boolean pending, int page, int size) {
        String filter = pending == null ? "true" : pending ? "replayed_at is null" : "replayed_at is not null";
        return pool.preparedQuery("select " + COLUMNS + " from dead_letter where " + filter
                + " order by dead_lettered_at, id limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .flatMap(rows -> pool.query("select count(*) from dead_letter where " + filter).execute()
                        .map(count -> {
                            List<DeadLetterView> items = new ArrayList<>();
                            rows.forEach(row -> items.add(view(row, false)));
                            return new DeadLetterPage(page, size, count.iterator().next().getLong(0), items);
                        }));
    }

    /** One dead letter with the record's headers and payload, or null. */
    public Uni<DeadLetterView> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + ", headers::text, payload from dead_letter where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next(), true));
    }

    /** Pending dead letters after the given one in list order, for replaying them all page by page. */
    Uni<List<DeadLetterView>> pendingAfter(DeadLetterView after, int limit) {
        String sql = "select " + COLUMNS + ", headers::text, payload from dead_letter where replayed_at is null"
                + (after == null ? "" : " and (dead_lettered_at, id) > ($2, $3)") + " order by dead_lettered_at, id limit $1";
        Tuple arguments = after == null ? Tuple.of(limit)
                : Tuple.of(limit, after.deadLetteredAt().atOffset(ZoneOffset.UTC), after.id());
        return pool.preparedQuery(sql).execute(arguments).map(rows -> {
            List<DeadLetterView> items = new ArrayList<>();
            rows.forEach(row -> items.add(view(row, true)));
            return items;
        });
    }

    Uni<Void> replayed(UUID id, String outcome) {
        return pool.preparedQuery("""
                update dead_letter set replay_count = replay_count + 1, replayed_at = now(), replay_outcome = $2 where id = $1""")
                .execute(Tuple.of(id, outcome)).replaceWithVoid();
    }

    Uni<Void> replayFailed(UUID id, String reason) {
        return pool.preparedQuery("""
                update dead_letter set replay_count = replay_count + 1, replay_outcome = 'FAILED', reason = $2 where id = $1""")
                .execute(Tuple.of(id, text(reason))).replaceWithVoid();
    }

    Map<String, String> headersOf(DeadLetterView deadLetter) {
        try {
            return deadLetter.headers() == null ? Map.of() : json.readValue(deadLetter.headers(), HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter headers are not a JSON object", e);
        }
    }

    private static DeadLetterView view(Row row, boolean withRecord) {
        return new DeadLetterView(row.getUUID("id"), row.getString("consumer"), row.getString("topic"),
                row.getInteger("partition_no"), row.getLong("record_offset"), row.getString("record_key"),
                row.getUUID("event_id"), row.getString("event_type"), row.getString("reason"),
                row.getOffsetDateTime("dead_lettered_at").toInstant(), row.getInteger("replay_count"),
                row.getOffsetDateTime("replayed_at") == null ? null : row.getOffsetDateTime("replayed_at").toInstant(),
                row.getString("replay_outcome"),
                withRecord ? row.getString("headers") : null, withRecord ? row.getString("payload") : null);
    }

    /** Records a poison record once, however often it is redelivered before its offset is committed. */
    Uni<Void> record(String consumer, ConsumerRecord<String, String> record, String reason) {
        UUID id = TimeOrderedIds.next();
        Map<String, String> headers = headers(record);
        String safeReason = text(reason);
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("consumer", consumer)
                        .setParameter("topic", record.topic())
                        .setParameter("partition", record.partition())
                        .setParameter("offset", record.offset())
                        .setParameter("key", text(record.key()))
                        .setParameter("headers", serialize(headers))
                        .setParameter("payload", text(record.value()))
                        .setParameter("eventId", uuid(headers.get("ce_id")))
                        .setParameter("eventType", headers.get("ce_type"))
                        .setParameter("reason", safeReason)
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : outbox.appendRecord(deadLetterTopic(record.topic(), consumer), record.key(),
                                deadLetterHeaders(headers, record, consumer, id, safeReason), record.value()).replaceWithVoid()));
    }

    /** The contract's name, {@code <topic>.<consumer>.dlq}; the relay puts the topic prefix back. */
    private String deadLetterTopic(String topic, String consumer) {
        String contractTopic = topic.startsWith(topicPrefix) ? topic.substring(topicPrefix.length()) : topic;
        return contractTopic + "." + consumer + ".dlq";
    }

    private static Map<String, String> deadLetterHeaders(Map<String, String> original, ConsumerRecord<String, String> record,
            String consumer, UUID id, String reason) {
        Map<String, String> headers = new LinkedHashMap<>(original);
        headers.put(REASON, reason);
        headers.put("dead-letter-topic", record.topic());
        headers.put("dead-letter-partition", Integer.toString(record.partition()));
        headers.put("dead-letter-offset", Long.toString(record.offset()));
        headers.put("dead-letter-consumer", consumer);
        headers.put("dead-letter-id", id.toString());
        return headers;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : text(new String(header.value(), StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private String serialize(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** PostgreSQL text cannot hold NUL; a poison record may. The dead letter must be writable whatever arrived. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
