package org.district.pd.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamStub.class)
class UpstreamProxyTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final int ELEVEN_MB = 11 * 1024 * 1024;
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void forwardsMethodPathQueryEndToEndHeadersAndALargeBody() {
        byte[] batch = new byte[FIVE_MB];
        new Random(7).nextBytes(batch);
        String token = Tokens.lmsConnector();
        Response response = given().auth().oauth2(token)
                .contentType("application/json").accept("application/json")
                .header("Idempotency-Key", "batch-42")
                .header("X-Correlation-Id", "corr-upload-1")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .body(batch)
                .when().post("/api/v1/learning/completions?dryRun=true&source=lms")
                .then().statusCode(202)
                .header("X-Stub-Answer", "echoed")
                .header("X-Correlation-Id", "corr-upload-1")
                .header("X-Stub-Private", nullValue())
                .extract().response();

        JsonPath received = response.jsonPath();
        assertThat(received.getString("method")).isEqualTo("POST");
        assertThat(received.getString("uri")).isEqualTo("/api/v1/learning/completions?dryRun=true&source=lms");
        assertThat(received.getLong("bodyBytes")).isEqualTo(FIVE_MB);
        assertThat(received.getString("bodySha256")).isEqualTo(UpstreamStub.sha256(batch));
        assertThat(received.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(received.getString("headers.content-type")).startsWith("application/json");
        assertThat(received.getString("headers.accept")).isEqualTo("application/json");
        assertThat(received.getString("headers.idempotency-key")).isEqualTo("batch-42");
        assertThat(received.getString("headers.x-correlation-id")).isEqualTo("corr-upload-1");
        assertThat(received.getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(received.getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(received.getString("headers.x-forwarded-host")).startsWith("localhost:");
        assertThat(received.getString("headers.proxy-authorization")).isNull();
    }

    @Test
    void aDeclaredBodyOverTheRoutesLimitIsA413ProblemAndNeverReachesTheService() {
        given().auth().oauth2(Tokens.lmsConnector()).contentType("application/json")
                .body(new byte[ELEVEN_MB])
                .when().post("/api/v1/learning/declared-too-large")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Payload too large"))
                .body("detail", equalTo("The request body is larger than this path accepts (10 MB)"));
        assertThat(UpstreamStub.ENDED_BODIES).doesNotContain("/api/v1/learning/declared-too-large");
    }

    @Test
    void aChunkedBodyIsHeldToTheSameLimitAndTheServiceNeverSeesItEnd() throws Exception {
        HttpResponse<String> upload = HTTP.send(chunked("/api/v1/learning/chunked-too-large")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[ELEVEN_MB])))
                .build(), BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.from(upload.body()).getString("title")).isEqualTo("Payload too large");
        assertThat(UpstreamStub.ENDED_BODIES).doesNotContain("/api/v1/learning/chunked-too-large");
    }

    @Test
    void aRouteMayTakeMoreThanTheDefaultChunkedOrDeclared() throws Exception {
        HttpResponse<String> chunked = HTTP.send(chunked("/api/v1/plans/roster/imports")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[ELEVEN_MB])))
                .build(), BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(202);
        assertThat(JsonPath.from(chunked.body()).getLong("bodyBytes")).isEqualTo(ELEVEN_MB);
        assertThat(JsonPath.from(chunked.body()).getString("headers.transfer-encoding")).isEqualTo("chunked");

        given().auth().oauth2(Tokens.user("grace")).contentType("application/zip").body(new byte[ELEVEN_MB])
                .when().post("/api/v1/plans/roster/imports")
                .then().statusCode(202).body("bodyBytes", equalTo(ELEVEN_MB));
    }

    @Test
    void streamsALargeResponseBack() {
        byte[] report = given().auth().oauth2(Tokens.hrConnector())
                .when().get("/api/v1/plans/reports/report.csv?bytes=" + FIVE_MB)
                .then().statusCode(200).contentType("text/csv")
                .extract().asByteArray();

        assertThat(report).hasSize(FIVE_MB);
        assertThat(UpstreamStub.sha256(report)).isEqualTo(UpstreamStub.sha256(UpstreamStub.report(FIVE_MB)));
    }

    @Test
    void aRequestBodyIsStreamedToTheServiceAsItArrives() throws Exception {
        // A raw HTTP/1.1 client, so nothing on the caller's side can hold the first chunk back until the body ends.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/learning/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.user("alice") + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "a\r\nfirst part\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(UpstreamStub.PAUSE_MS);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 202");
            String body = answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
            assertThat(JsonPath.from(body).getLong("bodyBytes")).isEqualTo(10);
            // The service saw the request begin long before its body ended, so the gateway did not wait for the body.
            assertThat(JsonPath.from(body).getLong("bodyMillis")).isGreaterThan(UpstreamStub.PAUSE_MS - 300);
        }
    }

    @Test
    void aResponseBodyIsStreamedToTheCallerAsItArrives() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> download = HTTP.send(gateway("/api/v1/plans/reports/slow-report.csv").GET().build(),
                BodyHandlers.ofInputStream());
        try (InputStream report = download.body()) {
            assertThat(report.read()).isNotNegative();
            // The first line arrived while the service was still holding back the last one.
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(UpstreamStub.PAUSE_MS - 300);
            assertThat(new String(report.readAllBytes())).endsWith("educator-1,1.5\n");
        }
    }

    @Test
    void aGeneratedCorrelationIdReachesTheServiceAndComesBack() {
        Response response = given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/community/communities")
                .then().statusCode(202)
                .header("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                .extract().response();

        assertThat(response.jsonPath().getString("headers.x-correlation-id"))
                .isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void anUnsafeCallerCorrelationIdIsReplacedBeforeItReachesLogsOrTheService() {
        for (String unsafe : List.of("two words", "<script>alert(1)</script>", "x".repeat(101), "tab\there")) {
            Response response = given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", unsafe)
                    .when().get("/api/v1/community/communities")
                    .then().statusCode(202)
                    .header("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                    .extract().response();
            assertThat(response.jsonPath().getString("headers.x-correlation-id"))
                    .isEqualTo(response.header("X-Correlation-Id"));
        }
    }

    @Test
    void anUnavailableServiceIsA502Problem() {
        given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", "corr-502")
                .when().get("/api/v1/credentials/awards")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", "corr-502")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad gateway"))
                .body("status", equalTo(502))
                .body("detail", equalTo("The credentials service is unavailable; try again later"))
                .body("instance", equalTo("/api/v1/credentials/awards"))
                .body("correlationId", equalTo("corr-502"));
    }

    @Test
    void theInstancesOfAServiceTakeTurnsAndOneThatCannotBeReachedIsPassedOver() {
        // community: the first stub, a port where nothing listens, the second stub. Requests start at each in turn;
        // the one that starts at the dead port goes on to the second stub, so it takes two turns in three.
        Map<String, Integer> answeredBy = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            String instance = given().auth().oauth2(Tokens.user("alice"))
                    .contentType("application/json").body("{\"turn\":" + i + "}")
                    .when().post("/api/v1/community/communities")
                    .then().statusCode(202)
                    .body("bodyBytes", equalTo(("{\"turn\":" + i + "}").length()))
                    .extract().header("X-Stub-Instance");
            answeredBy.merge(instance, 1, Integer::sum);
        }
        assertThat(answeredBy).isEqualTo(Map.of("first", 10, "second", 20));
    }

    @Test
    void aSilentServiceIsA504ProblemAfterTheTimeout() {
        long started = System.nanoTime();
        String correlationId = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", correlationId)
                .when().get("/api/v1/learning/silent")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway timeout"))
                .body("status", equalTo(504))
                .body("detail", equalTo("The learning service did not answer within 2 s"))
                .body("instance", equalTo("/api/v1/learning/silent"))
                .body("correlationId", equalTo(correlationId));
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_900L, 10_000L);
    }

    private static HttpRequest.Builder gateway(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.user("alice"));
    }

    /** HTTP/1.1, so a body of unknown length really is sent chunked (not as HTTP/2 frames after an upgrade). */
    private static HttpRequest.Builder chunked(String path) {
        return gateway(path).version(HttpClient.Version.HTTP_1_1);
    }
}
