package org.district.pd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.district.pd.gateway.routing.UpstreamStub;
import org.district.pd.platform.testing.LocalServers;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamStub.class)
class EdgeSecurityTest {

    @Test
    void apiAndXapiNeedAToken() {
        given().when().get("/api/v1/learning/offerings")
                .then().statusCode(401).header("X-Correlation-Id", notNullValue());
        given().when().post("/xapi/statements").then().statusCode(401);
        given().when().get("/api/v1/nowhere").then().statusCode(401);
    }

    @Test
    void xapisAboutIsForEveryone() {
        // The stub upstream answers 202 with the request it received: the call got through without a token.
        given().when().get("/xapi/about").then().statusCode(202).body("uri", equalTo("/xapi/about"));
        given().when().get("/xapi/about/more").then().statusCode(401);
    }

    @Test
    void aGarbageTokenIsRefused() {
        given().auth().oauth2("not.a.token").when().get("/api/v1/learning/offerings").then().statusCode(401);
    }

    @Test
    void aRealmTokenWithoutThePdApiAudienceIsRefused() throws Exception {
        given().auth().oauth2(adminCliToken("alice")).when().get("/api/v1/learning/offerings").then().statusCode(401);
    }

    @Test
    void aValidTokenPasses() {
        given().auth().oauth2(Tokens.user("alice")).when().get("/api/v1/learning/offerings").then().statusCode(202);
    }

    @Test
    void xapiTakesAClientsIdAndSecretAsBasicAndForwardsItsToken() {
        String first = given().auth().preemptive().basic("lms-connector", "lms-connector-secret")
                .when().get("/xapi/statements").then().statusCode(202)
                .body("headers.authorization", startsWith("Bearer ey")).extract().path("headers.authorization");
        String second = given().auth().preemptive().basic("lms-connector", "lms-connector-secret")
                .when().get("/xapi/statements").then().statusCode(202).extract().path("headers.authorization");
        // Keycloak issues a new token for each exchange: the same one twice is the cache at work.
        assertThat(second).isEqualTo(first);
        given().header("Authorization", first).when().get("/xapi/statements").then().statusCode(202);
    }

    @Test
    void basicIsRefusedWithAWrongSecretAndOutsideXapi() {
        given().auth().preemptive().basic("lms-connector", "not-the-secret")
                .when().get("/xapi/statements").then().statusCode(401);
        given().auth().preemptive().basic("no-such-client", "lms-connector-secret")
                .when().get("/xapi/statements").then().statusCode(401);
        given().header("Authorization", "Basic !!not-base64!!").when().get("/xapi/statements").then().statusCode(401);
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()))
                .when().get("/xapi/statements").then().statusCode(401);
        given().auth().preemptive().basic("lms-connector", "lms-connector-secret")
                .when().get("/api/v1/learning/offerings").then().statusCode(401);
        // A refused secret is not remembered: the right one still works right after it.
        given().auth().preemptive().basic("lms-connector-2", "wrong").when().get("/xapi/statements")
                .then().statusCode(401);
        given().auth().preemptive().basic("lms-connector-2", "lms-connector-2-secret").when().get("/xapi/statements")
                .then().statusCode(202);
    }

    @Test
    void healthIsPublicAndUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The realm's built-in admin-cli client has no audience mapper, so its tokens lack aud pd-api. */
    private static String adminCliToken(String username) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(LocalServers.keycloakUrl() + "/realms/district/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + username + "&password=" + Tokens.DEMO_PASSWORD))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
