package org.district.pd.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.district.pd.platform.web.CorrelationIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Appends CloudEvents to the outbox table inside the caller's own transaction. */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
            values (:id, :topic, :key, :type, :source, :subject, :time, :correlationId, :payload)""";

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
        UUID id = UUID.randomUUID();
        String payload = serialize(data);
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("Outbox.append needs an open transaction"))
                .flatMap(tx -> Panache.getSession())
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
                        // Touches no entity table: skip the automatic flush, which dirty-checks the whole session.
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate())
                .replaceWith(id);
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialized: " + data.getClass().getName(), e);
        }
    }
}
