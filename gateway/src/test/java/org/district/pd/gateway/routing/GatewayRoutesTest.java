package org.district.pd.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamStub.class)
class GatewayRoutesTest {

    @Test
    void xapiGoesToTheLearningServiceWithItsPathUnchanged() {
        given().auth().oauth2(Tokens.lmsConnector()).contentType("application/json").body("[]")
                .when().put("/xapi/statements?statementId=abc")
                .then().statusCode(202)
                .body("method", equalTo("PUT"))
                .body("uri", equalTo("/xapi/statements?statementId=abc"));
    }

    @Test
    void anAreaPrefixMatchesOnlyWholeSegments() {
        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learningx/offerings")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", "corr-404")
                .when().get("/api/v1/nowhere/things")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", "corr-404")
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nowhere/things"))
                .body("correlationId", equalTo("corr-404"));
    }

    @Test
    void dotSegmentsAreResolvedBeforeRouting() {
        // Raw, this path starts with the learning prefix; resolved, it is /api/q/openapi, which no service serves.
        given().urlEncodingEnabled(false).auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/%2e%2e/%2e%2e/q/openapi")
                .then().statusCode(404).contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/learning/%2e%2e/%2e%2e/q/openapi"));
    }

    @Test
    void eachServiceOpenApiDocumentIsPublic() {
        given().when().get("/openapi/learning")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("stub"))
                .body("x-query", equalTo("format=json"));
    }

    @Test
    void swaggerUiListsEveryServiceDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/openapi/learning"))
                .body(containsString("/openapi/plans"))
                .body(containsString("/openapi/credentials"))
                .body(containsString("/openapi/community"));
    }
}
