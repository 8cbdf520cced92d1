package org.district.pd.community.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every operation this service documents, with real Keycloak tokens: without a token it is a 401; for HR and the LMS
 * integration, who have no business in communities, a 403 problem. Ownership and membership are each feature's tests.
 */
@QuarkusTest
class AccessTest {

    private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void everyOperationIsA401WithoutATokenAndA403ForRolesWithoutBusinessHere() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept(ContentType.JSON).when().get("/q/openapi")
                .then().statusCode(200).extract().asString()).get("paths");
        List<String> operations = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, String> outsiders = Map.of("hr", Tokens.user("henry"), "lms", Tokens.lmsConnector());
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/v1/community/admin")) {
                return;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", ID);
            operations.add(method.toUpperCase() + " " + path.getKey());
            int anonymous = given().contentType(ContentType.JSON).body("{}").when()
                    .request(method.toUpperCase(), concrete).statusCode();
            if (anonymous != 401) {
                wrong.add(method + " " + path.getKey() + " without a token: " + anonymous);
            }
            outsiders.forEach((who, token) -> {
                var response = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                        .request(method.toUpperCase(), concrete);
                if (response.statusCode() != 403 || !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(method + " " + path.getKey() + " as " + who + ": " + response.statusCode());
                }
            });
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
        assertThat(wrong).isEmpty();
    }
}
