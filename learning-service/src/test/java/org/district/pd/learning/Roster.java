package org.district.pd.learning;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.KafkaTestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Publishes roster snapshots to the real pd.roster.educators topic, as plan-service does. */
public final class Roster {

    public static final String TOPIC = "pd.roster.educators";
    public static final String TYPE = "pd.roster.educator.upserted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Roster() {
    }

    /** A new educator with unique identities, not yet published. */
    public static ObjectNode newEducator(String givenName) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode data = JSON.createObjectNode();
        data.put("educatorId", UUID.randomUUID().toString());
        data.put("sourcedId", "t-" + suffix);
        data.putObject("name").put("givenName", givenName).put("familyName", "Tester");
        data.put("email", givenName.toLowerCase() + "." + suffix + "@schools.example");
        data.putArray("schoolIds");
        data.putArray("roles").add("teacher");
        data.putNull("careerStage");
        data.putArray("subjects");
        data.putArray("grades");
        data.put("active", true);
        ObjectNode identifiers = data.putObject("identifiers");
        identifiers.put("sisId", "SIS-" + suffix);
        identifiers.put("username", givenName.toLowerCase() + suffix);
        identifiers.putArray("lmsAccounts").add("canvas:" + suffix);
        return data;
    }

    public static UUID publish(ObjectNode educator) {
        return publish(UUID.randomUUID(), educator);
    }

    public static UUID publish(UUID eventId, ObjectNode educator) {
        return publish(eventId, educator, Instant.now());
    }

    /** Publishes a snapshot as of {@code time}, the CloudEvent time the projection orders snapshots by. */
    public static UUID publish(UUID eventId, ObjectNode educator, Instant time) {
        String educatorId = educator.get("educatorId").asText();
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(eventId, TYPE, "/plan-service", educatorId));
        headers.put("ce_time", time.toString());
        KafkaTestClient.send(TOPIC, educatorId, headers, educator.toString());
        return eventId;
    }
}
