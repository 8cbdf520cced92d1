package org.district.pd.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Publishes learning events to the real pd.learning.events topic, built from the contract's example. */
public final class LearningEvents {

    public static final String TOPIC = "pd.learning.events";
    public static final String COMPLETED = "pd.learning.course.completed.v1";
    public static final String ATTENDED = "pd.learning.session.attended.v1";
    public static final String DLQ = "pd.learning.events.plan-service.dlq";

    private LearningEvents() {
    }

    /** The contract example with a fresh completion id, for another educator, amount, category and time. */
    public static ObjectNode completion(UUID educatorId, String hours, String category, Instant completedAt) {
        ObjectNode data = (ObjectNode) EventContracts.example(COMPLETED).get("data").deepCopy();
        data.put("completionId", UUID.randomUUID().toString());
        data.put("educatorId", educatorId.toString());
        data.put("creditHours", new BigDecimal(hours));
        data.put("category", category);
        data.put("completedAt", completedAt.toString());
        return data;
    }

    /** The session attendance example with fresh ids, for another educator, kind, hours, category and time. */
    public static ObjectNode attendance(UUID educatorId, String kind, String hours, String category, Instant at) {
        ObjectNode data = (ObjectNode) EventContracts.example(ATTENDED).get("data").deepCopy();
        data.put("attendanceId", UUID.randomUUID().toString());
        data.put("sessionId", UUID.randomUUID().toString());
        data.put("educatorId", educatorId.toString());
        data.put("sessionKind", kind);
        data.put("creditHours", new BigDecimal(hours));
        data.put("category", category);
        data.put("attendedAt", at.toString());
        return data;
    }

    /** Sends {@code data} as a session attendance keyed by its educator; returns the event id. */
    public static UUID sendAttendance(ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        send(eventId, ATTENDED, data.get("educatorId").asText(), data.toString());
        return eventId;
    }

    /** Sends {@code data} as a course completion keyed by its educator; returns the event id. */
    public static UUID send(ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        send(eventId, COMPLETED, data.get("educatorId").asText(), data.toString());
        return eventId;
    }

    /** Sends any value with the example's headers, a given event id and type, keyed by {@code key}. */
    public static void send(UUID eventId, String type, String key, String value) {
        KafkaTestClient.send(TOPIC, key, headerMap(eventId, type, key), value);
    }

    /** The same headers as a JSON object, as a dead letter keeps them. */
    public static String headers(UUID eventId, String type, String key) {
        try {
            return new ObjectMapper().writeValueAsString(headerMap(eventId, type, key));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, String> headerMap(UUID eventId, String type, String key) {
        Map<String, String> headers = new HashMap<>();
        JsonNode example = EventContracts.example(COMPLETED).get("headers");
        example.fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        headers.put("ce_id", eventId.toString());
        headers.put("ce_type", type);
        headers.put("ce_subject", key);
        return headers;
    }
}
