package org.district.pd.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.district.pd.platform.web.CorrelationIds;

/**
 * Publishes outbox rows to Kafka in sequence order and marks them sent once every broker acknowledgement is in.
 * A crash between publish and mark re-publishes the batch; consumers' inboxes make that harmless. Rows name the
 * topic as the contract does; {@code pd.kafka.topic-prefix} (the test profile's {@code test.}) is applied here.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Only one relay per database publishes at a time, so several replicas cannot reorder events. */
    private static final long RELAY_LOCK = 0x70645f6f7574L;

    private static final String SELECT_PENDING = """
            select seq, id, topic, event_key, type, source, subject, event_time, correlation_id, payload
            from outbox_event where sent_at is null order by seq limit $1""";

    private final Pool pool;
    private final OutboxConfig config;
    private final KafkaProducer<String, String> producer;
    private final String topicPrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private Vertx vertx;
    private long timer;

    OutboxRelay(Pool pool, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "pd.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.pool = pool;
        this.config = config;
        this.topicPrefix = topicPrefix.orElse("");
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, application));
    }

    /** The scheduler cannot poll more often than once a second; a Vert.x timer keeps events flowing within ~100 ms. */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(this::drain, false).onComplete(done -> running.set(false));
            }
        });
    }

    // Runs on a worker thread: KafkaProducer.send may block while it fetches metadata.
    private Void drain() {
        try {
            int published;
            do {
                published = publishPending().await().atMost(config.sendTimeout().plusSeconds(5));
            } while (published == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warnf("Outbox relay will retry: %s", e.getMessage());
            }
        }
        return null;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeSent() {
        pool.preparedQuery("delete from outbox_event where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(config.retention().toSeconds()))
                .await().atMost(config.sendTimeout());
    }

    /** Publishes up to one batch of pending rows; returns how many were published. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> connection.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .execute()
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishBatch(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery(SELECT_PENDING).execute(Tuple.of(config.batchSize()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : publishAndMark(connection, rows));
    }

    private Uni<Integer> publishAndMark(SqlConnection connection, RowSet<Row> rows) {
        List<Long> sequence = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sequence.add(row.getLong("seq"));
            acknowledgements.add(send(row));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)))
                .ifNoItem().after(config.sendTimeout()).fail()
                .flatMap(acked -> connection.preparedQuery("update outbox_event set sent_at = now() where seq = any($1)")
                        .execute(Tuple.of(sequence.toArray(Long[]::new))))
                .replaceWith(sequence.size());
    }

    private CompletableFuture<Void> send(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix + row.getString("topic"), row.getString("event_key"),
                row.getString("payload"));
        Headers headers = record.headers();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.getUUID("id").toString());
        header(headers, "ce_source", row.getString("source"));
        header(headers, "ce_type", row.getString("type"));
        header(headers, "ce_subject", row.getString("subject"));
        header(headers, "ce_time", row.getOffsetDateTime("event_time").toInstant().toString());
        header(headers, "content-type", "application/json");
        String correlationId = row.getString("correlation_id");
        if (correlationId != null) {
            header(headers, CorrelationIds.CLOUD_EVENT_HEADER, correlationId);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(error);
            }
        });
        return acknowledged;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Properties producerProperties(String bootstrapServers, String application) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
