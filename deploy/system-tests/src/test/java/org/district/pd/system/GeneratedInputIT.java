package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Generated bad input to every operation the services document, through the gateway with real tokens: malformed
 * JSON, wrong types, unknown fields, huge numbers, odd dates, long strings and control characters, in the path, the
 * query and the body. No answer may be a 5xx; every 4xx but a 401 is problem+json naming no Java or parser
 * internals; and nothing accepted may turn into a dead letter downstream. Repeat a run with -Dpd.generated.seed=N.
 */
class GeneratedInputIT {

    private static final long SEED = Long.getLong("pd.generated.seed", System.nanoTime());
    private static final int REQUESTS_PER_OPERATION = Integer.getInteger("pd.generated.requests", 40);
    private static final List<String> INTERNALS = List.of("Exception", "java.", "jakarta.", "com.fasterxml",
            "org.hibernate", "io.vertx", "io.quarkus", "org.jboss", "org.apache", "org.district", "SQLSTATE",
            "\tat ", "Cannot deserialize", "Unrecognized token", "Unexpected character");
    private static final Map<String, Supplier<String>> CALLERS = Map.of(
            "district-admin grace", () -> Tokens.user("grace"),
            "principal frank", () -> Tokens.user("frank"),
            "teacher alice", () -> Tokens.user("alice"),
            "hr henry", () -> Tokens.user("henry"),
            "client lms-connector", Tokens::lmsConnector,
            "client hr-connector", Tokens::hrConnector);
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 90_000).setParam("http.connection.timeout", 10_000));

    private static Instant started;
    private static int sent;

    private final BadInput input = new BadInput(SEED);

    @BeforeAll
    static void start() {
        started = Instant.now();
        System.out.printf("GeneratedInputIT: seed %d (repeat with -Dpd.generated.seed=%d)%n", SEED, SEED);
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationAnswersBadInputWithA4xxProblem() {
        List<OpenApiOperations.Operation> operations = OpenApiOperations.all();
        // Each service documents at least its delivery administration; learning and plans their features too.
        assertThat(operations).hasSizeGreaterThanOrEqualTo(30);
        return operations.stream().map(operation -> dynamicTest(operation.toString(), () -> generate(operation)));
    }

    @AfterAll
    static void nothingAcceptedBecameADeadLetter() {
        System.out.printf("GeneratedInputIT: %d generated requests, seed %d%n", sent, SEED);
        // Whatever the services accepted travels on through the outbox; the consumers get time to take it.
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(DeadLetters.inDatabases(started))
                        .as("dead letters after generated input, seed %d", SEED).isEmpty());
    }

    private void generate(OpenApiOperations.Operation operation) {
        List<String> callers = callersAllowed(operation);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
            String caller = input.pick(callers);
            RequestSpecification request = Gateway.as(CALLERS.get(caller).get()).config(PATIENT);
            String described = addGeneratedInput(operation, request);
            Response response = request.request(operation.method(), path(operation));
            sent++;
            String problem = problemWith(response);
            if (problem != null) {
                failures.add("%s as %s: %s -> %d %s%n    %s".formatted(operation, caller, described,
                        response.statusCode(), response.contentType(), problem));
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }

    /** Who gets past the role check, so that the generated input reaches the validation behind it. */
    private List<String> callersAllowed(OpenApiOperations.Operation operation) {
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> caller : CALLERS.entrySet()) {
            int status = Gateway.as(caller.getValue().get()).config(PATIENT)
                    .request(operation.method(), operation.path().replaceAll("\\{[^}]+}", "x")).statusCode();
            if (status != 401 && status != 403) {
                allowed.add(caller.getKey());
            }
        }
        return allowed.isEmpty() ? List.copyOf(CALLERS.keySet()) : allowed;
    }

    private String path(OpenApiOperations.Operation operation) {
        String path = operation.path();
        for (OpenApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String value = input.parameter(parameter.type(), parameter.format());
                path = path.replace("{" + parameter.name() + "}", encode(value.isEmpty() ? "x" : value));
            }
        }
        return path;
    }

    /** Adds generated query parameters and a body to {@code request}; returns them in words for a failure message. */
    private String addGeneratedInput(OpenApiOperations.Operation operation, RequestSpecification request) {
        request.urlEncodingEnabled(false);
        StringBuilder described = new StringBuilder();
        for (OpenApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && input.chance(0.7)) {
                String value = input.parameter(parameter.type(), parameter.format());
                request.queryParam(parameter.name(), encode(value));
                described.append(parameter.name()).append('=').append(shorten(value)).append(' ');
            }
        }
        if (input.chance(0.1)) {
            request.queryParam("unknown", encode(input.text(1_000)));
        }
        if (operation.bodyTypes().isEmpty() && input.chance(0.8)) {
            return described.toString();
        }
        String type = operation.bodyTypes().isEmpty() || input.chance(0.1)
                ? input.pick(List.of("application/json", "text/plain", "application/xml", "application/json; charset=x"))
                : input.pick(operation.bodyTypes());
        if (type.startsWith("multipart/")) {
            request.multiPart("users", "users.csv", input.csv().getBytes(StandardCharsets.UTF_8), "text/csv");
            if (input.chance(0.7)) {
                request.multiPart("orgs", "orgs.csv", input.csv().getBytes(StandardCharsets.UTF_8), "text/csv");
            }
            if (input.chance(0.7)) {
                request.multiPart("licenses", "licenses.csv", input.licensesCsv().getBytes(StandardCharsets.UTF_8),
                        "text/csv");
            }
            return described.append("multipart CSV").toString();
        }
        request.contentType(type);
        if (type.equals("application/zip")) {
            request.body(input.zip());
            return described.append("zip").toString();
        }
        JsonNode valid = ValidBodies.of(operation);
        JsonNode generated = valid != null && input.chance(0.6) ? input.spoiled(valid)
                : input.shaped(operation, operation.jsonSchema(), 0);
        String body = input.chance(0.25) ? input.malformedJson(generated.toString()) : generated.toString();
        request.body(body.getBytes(StandardCharsets.UTF_8));
        return described.append(type).append(" body ").append(shorten(body)).toString();
    }

    /** What is wrong with an answer to bad input, or null when it is right. */
    private static String problemWith(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        if (status >= 500) {
            return "a 5xx: " + shorten(body);
        }
        // 401 carries WWW-Authenticate; 414 and 431 come from the HTTP layer before any service sees the request.
        if (status >= 400 && status != 401 && status != 414 && status != 431) {
            if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
                return "a " + status + " that is not application/problem+json: " + shorten(body);
            }
            for (String internal : INTERNALS) {
                if (body.contains(internal)) {
                    return "leaks \"" + internal + "\": " + shorten(body);
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
