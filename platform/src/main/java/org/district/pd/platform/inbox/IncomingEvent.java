package org.district.pd.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent read from a Kafka record in binary mode: the envelope from ce_* headers, the data as JSON. */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, JsonNode data) {

    /** Reads the envelope and data, or throws {@link PoisonRecord} naming what is wrong. */
    public static IncomingEvent parse(ConsumerRecord<String, String> record, ObjectMapper json) {
        return parse(record.headers(), record.value(), json);
    }

    /** The same, for a record kept apart from Kafka, such as a dead letter being replayed. */
    public static IncomingEvent parse(Headers headers, String value, ObjectMapper json) {
        String specVersion = header(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new PoisonRecord("ce_specversion must be 1.0 but was " + specVersion);
        }
        return new IncomingEvent(uuid(required(headers, "ce_id"), "ce_id"), required(headers, "ce_type"),
                required(headers, "ce_source"), required(headers, "ce_subject"), time(required(headers, "ce_time")),
                data(value, json));
    }

    private static JsonNode data(String value, ObjectMapper json) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecord("the record has no data");
        }
        try {
            JsonNode data = json.readTree(value);
            if (!data.isObject()) {
                throw new PoisonRecord("data must be a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonRecord("data is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonRecord("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecord(name + " is not a UUID: " + value);
        }
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonRecord("ce_time is not an ISO-8601 instant: " + value);
        }
    }
}
