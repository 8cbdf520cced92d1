package org.district.pd.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events of any type in deploy/kafka, as their producers will publish them: built from the contract's example and
 * sent to the real topic with the example's CloudEvents headers, keyed by the educator.
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** A copy of the example's data of {@code type}, for another educator. */
    public static ObjectNode example(String type, UUID educatorId) {
        ObjectNode data = (ObjectNode) EventContracts.example(type).get("data").deepCopy();
        data.put("educatorId", educatorId.toString());
        return data;
    }

    /** Sends {@code data} as an event of {@code type} on {@code topic}; returns the event id. */
    public static UUID send(String topic, String type, ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        String key = data.get("educatorId").asText();
        Map<String, String> headers = new HashMap<>();
        EventContracts.example(type).get("headers")
                .fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        headers.put("ce_id", eventId.toString());
        headers.put("ce_subject", key);
        KafkaTestClient.send(topic, key, headers, data.toString());
        return eventId;
    }
}
