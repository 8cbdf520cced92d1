package org.district.pd.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.district.pd.platform.web.CorrelationIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Turns outbox rows into Kafka records and sends them with an idempotent producer (acks=all). The producer is built
 * from the same Kafka configuration as the rest of Quarkus ({@code kafka.*}), so a cluster's TLS and SASL settings
 * apply here too. Rows name topics as the contract does; {@code pd.kafka.topic-prefix} is applied here.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final String topicPrefix;
    private final ObjectMapper json;

    OutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, OutboxConfig config, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "pd.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix.orElse("");
        this.producer = new KafkaProducer<>(producerConfig(kafka, config, application));
        this.admin = Admin.create(adminConfig(kafka, application));
    }

    /**
     * Sends one row; the future completes when the broker acknowledged it, or fails with the reason it did not. A row
     * that cannot even be turned into a record fails alone, like any other bad row.
     */
    CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record(row), (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException refused) {
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged;
    }

    private ProducerRecord<String, String> record(Row row) {
        String key = row.getString("event_key");
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix + row.getString("topic"),
                key.isEmpty() ? null : key, row.getString("payload"));
        String rawHeaders = row.getString("headers");
        if (rawHeaders == null) {
            cloudEventHeaders(record.headers(), row);
        } else {
            parse(rawHeaders).forEach((name, value) -> header(record.headers(), name, value));
        }
        return record;
    }

    /** Whether the cluster answers at all: tells a broker outage from rows that fail on their own. */
    boolean brokerReachable() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId().get(4, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception unreachable) {
            return false;
        }
    }

    private static void cloudEventHeaders(Headers headers, Row row) {
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
    }

    private Map<String, String> parse(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox headers are not a JSON object of strings", e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafka, OutboxConfig config, String application) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // send() waits this long for an unknown topic's metadata; the relay fails the rest of that topic's batch with it.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.metadataTimeout().toMillis()));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        // Below the relay's own wait where it can be: a record the producer gave up on is not acknowledged later.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                Long.toString(Math.max(config.sendTimeout().minusSeconds(5).toMillis(), 15_000)));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.keySet().retainAll(ProducerConfig.configNames());
        return properties;
    }

    private static Map<String, Object> adminConfig(Map<String, Object> kafka, String application) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.keySet().retainAll(AdminClientConfig.configNames());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-outbox-relay-admin");
        return properties;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
