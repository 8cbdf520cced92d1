package org.district.pd.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Every operation the services document, read from their OpenAPI documents through the gateway. */
final class OpenApiOperations {

    static final List<String> AREAS = List.of("learning", "plans", "credentials", "community");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parameter in the path or the query, with its schema type (string when undocumented). */
    record Parameter(String in, String name, String type, String format) {
    }

    /** One method on one path, with its parameters, the media types its body may have, and the JSON body's schema. */
    record Operation(String area, String method, String path, List<Parameter> parameters, List<String> bodyTypes,
            JsonNode jsonSchema, JsonNode document) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        /** The schema with its {@code $ref} resolved against this operation's document. */
        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            for (int depth = 0; resolved.has("$ref") && depth < 10; depth++) {
                String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
                resolved = document.path("components").path("schemas").path(name);
            }
            return resolved;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (String area : AREAS) {
            String body = Gateway.anonymous().when().get("/openapi/" + area).then().statusCode(200).extract().asString();
            operations.addAll(of(area, read(body)));
        }
        return operations;
    }

    private static List<Operation> of(String area, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode schema = parameter.path("schema");
                    parameters.add(new Parameter(parameter.path("in").asText(), parameter.path("name").asText(),
                            schema.path("type").asText("string"), schema.path("format").asText("")));
                }
                JsonNode content = operation.path("requestBody").path("content");
                List<String> bodyTypes = new ArrayList<>();
                content.fieldNames().forEachRemaining(bodyTypes::add);
                JsonNode jsonSchema = content.path("application/json").path("schema");
                operations.add(new Operation(area, method.getKey().toUpperCase(), path.getKey(), parameters, bodyTypes,
                        jsonSchema.isMissingNode() ? MissingNode.getInstance() : jsonSchema, document));
            }
        }
        return operations;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("an OpenAPI document is not JSON", e);
        }
    }
}
