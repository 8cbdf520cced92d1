package org.district.pd.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts in deploy/kafka: JSON Schemas that payloads must satisfy, and examples consumers must accept. */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /** Returns the schema violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    public static Set<String> violations(String type, String data) {
        JsonSchema schema = SCHEMAS.getSchema(read(contracts().resolve("schemas/" + type + ".json")));
        Set<ValidationMessage> messages = schema.validate(parse(data));
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** The example of {@code type}: an object with {@code headers}, {@code key} and {@code data}. */
    public static JsonNode example(String type) {
        return parse(read(contracts().resolve("examples/" + type + ".json")));
    }

    /** A negative example from examples/invalid, by file name without .json. */
    public static JsonNode invalidExample(String name) {
        return parse(read(contracts().resolve("examples/invalid/" + name + ".json")));
    }

    private static Path contracts() {
        return LocalServers.repositoryRoot().resolve("deploy/kafka");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
