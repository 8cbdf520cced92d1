package org.district.pd.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The relay's producer takes a real cluster's connection settings from Quarkus's kafka.* configuration. */
class OutboxPublisherConfigTest {

    @Test
    void securitySettingsFromTheKafkaConfigurationApplyAndDeliveryIsIdempotent() {
        Map<String, Object> quarkusKafka = Map.of(
                "bootstrap.servers", "broker-1.district.example:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "group.id", "a consumer setting",
                "acks", "1");

        Map<String, Object> producer = OutboxPublisher.producerConfig(quarkusKafka, defaults(), "plan-service");

        assertThat(producer).containsEntry("bootstrap.servers", "broker-1.district.example:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "plan-service-outbox-relay")
                .doesNotContainKey("group.id");
        assertThat(producer.get("sasl.jaas.config")).isNotNull();
    }

    private static OutboxConfig defaults() {
        return new OutboxConfig() {
            public boolean relayEnabled() { return true; }
            public Duration pollInterval() { return Duration.ofMillis(100); }
            public int batchSize() { return 500; }
            public Duration sendTimeout() { return Duration.ofSeconds(30); }
            public Duration metadataTimeout() { return Duration.ofSeconds(5); }
            public int maxAttempts() { return 8; }
            public Duration initialRetryDelay() { return Duration.ofSeconds(1); }
            public Duration maxRetryDelay() { return Duration.ofMinutes(1); }
            public Duration maxOutageBackoff() { return Duration.ofSeconds(5); }
            public Duration retention() { return Duration.ofDays(7); }
        };
    }
}
