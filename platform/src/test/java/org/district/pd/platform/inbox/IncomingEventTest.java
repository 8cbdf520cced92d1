package org.district.pd.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class IncomingEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheBinaryModeEnvelopeAndData() {
        UUID id = UUID.randomUUID();
        IncomingEvent event = IncomingEvent.parse(record(headers(id), "{\"hours\":3}"), JSON);
        assertEquals(id, event.id());
        assertEquals("pd.test.thing.happened.v1", event.type());
        assertEquals("/test", event.source());
        assertEquals(Instant.parse("2026-11-20T10:15:30Z"), event.time());
        assertEquals(3, event.data().get("hours").asInt());
    }

    @Test
    void everyMissingOrBadHeaderIsPoisonNamingTheHeader() {
        for (String header : new String[] { "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time" }) {
            Map<String, String> headers = headers(UUID.randomUUID());
            headers.remove(header);
            PoisonRecord poison = assertThrows(PoisonRecord.class, () -> IncomingEvent.parse(record(headers, "{}"), JSON));
            assertTrue(poison.getMessage().contains(header), poison.getMessage());
        }
        Map<String, String> badId = headers(UUID.randomUUID());
        badId.put("ce_id", "42");
        assertThrows(PoisonRecord.class, () -> IncomingEvent.parse(record(badId, "{}"), JSON));
        Map<String, String> badTime = headers(UUID.randomUUID());
        badTime.put("ce_time", "yesterday");
        assertThrows(PoisonRecord.class, () -> IncomingEvent.parse(record(badTime, "{}"), JSON));
        Map<String, String> oldSpec = headers(UUID.randomUUID());
        oldSpec.put("ce_specversion", "0.3");
        assertThrows(PoisonRecord.class, () -> IncomingEvent.parse(record(oldSpec, "{}"), JSON));
    }

    @Test
    void dataMustBeAJsonObject() {
        for (String data : new String[] { "{not json", "[1,2]", "", "\"text\"" }) {
            assertThrows(PoisonRecord.class, () -> IncomingEvent.parse(record(headers(UUID.randomUUID()), data), JSON),
                    data);
        }
    }

    private static Map<String, String> headers(UUID id) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_type", "pd.test.thing.happened.v1");
        headers.put("ce_source", "/test");
        headers.put("ce_subject", UUID.randomUUID().toString());
        headers.put("ce_time", "2026-11-20T10:15:30Z");
        return headers;
    }

    private static ConsumerRecord<String, String> record(Map<String, String> headers, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("pd.test.events", 0, 0L, "key", value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
