package org.district.pd.credentials.external;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.credentials.Demo;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A credential from another district: verified against the key that district publishes, recorded with its checks,
 * and worth credit only once the teacher's principal approves it.
 */
@QuarkusTest
class ImportTest {

    private static final String IMPORTS = "/api/v1/credentials/imports";

    @Inject
    Pool database;

    private static ValidatableResponse upload(String user, String jwt) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.TEXT).body(jwt).when()
                .post(IMPORTS).then();
    }

    @Test
    void aVerifiedImportCountsForCreditOnceItsPrincipalApprovesIt() throws Exception {
        Demo.rostered(Demo.ALICE, "Alice", "alice@district-demo.example", Demo.LINCOLN);
        await().atMost(Duration.ofSeconds(45)).until(() -> database.preparedQuery(
                "select count(*) from educator where id = $1 and email is not null and $2 = any(school_ids)")
                .execute(Tuple.of(UUID.fromString(Demo.ALICE), UUID.fromString(Demo.LINCOLN)))
                .await().indefinitely().iterator().next().getLong(0) == 1);
        try (ForeignIssuer other = new ForeignIssuer()) {
            String jwt = other.credential("alice@district-demo.example", 6, other.kid());
            String id = upload("alice", jwt).statusCode(201)
                    .body("verification", equalTo("VERIFIED"))
                    .body("recipientMatched", equalTo(true))
                    .body("status", equalTo("PENDING"))
                    .body("achievementName", equalTo("Questioning strategies"))
                    .body("creditsEarned", equalTo(6.0f))
                    .extract().path("id");
            upload("alice", jwt).statusCode(409);

            // A signature that does not match the published key is refused, naming the field.
            String[] parts = jwt.split("\\.");
            String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            upload("alice", forged).statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("jwt"));
            upload("alice", "not a jwt").statusCode(400).body("violations[0].field", equalTo("jwt"));

            // A key that cannot be fetched leaves the signature unchecked, and says so.
            String unreachable = other.credential("someone-else@else.example", 3, "http://127.0.0.1:9/keys/k1");
            upload("alice", unreachable).statusCode(201).body("verification", equalTo("KEY_UNREACHABLE"))
                    .body("recipientMatched", equalTo(false));

            given().auth().oauth2(Tokens.user("carol")).when().get(IMPORTS + "/" + id).then().statusCode(404);
            given().auth().oauth2(Tokens.user("frank")).when().get(IMPORTS + "?educatorId=" + Demo.ALICE).then()
                    .statusCode(200).body("id", hasItem(id));
            // Frank, Lincoln's principal, sees what waits for his decision across his school; Carol's is not his.
            given().auth().oauth2(Tokens.user("frank")).when().get(IMPORTS + "?status=PENDING").then()
                    .statusCode(200).body("id", hasItem(id)).body("educatorId", everyItem(equalTo(Demo.ALICE)));
            given().auth().oauth2(Tokens.user("frank")).when().get(IMPORTS + "?educatorId=" + Demo.CAROL).then()
                    .statusCode(403);
            given().when().get(IMPORTS).then().statusCode(401);

            // The teacher cannot approve their own; a principal of their school can, once.
            decide("alice", id, "{\"decision\":\"APPROVE\"}").statusCode(403);
            decide("frank", id, "{\"decision\":\"DENY\"}").statusCode(400)
                    .body("violations[0].field", equalTo("comment"));
            String awardId = decide("frank", id, "{\"decision\":\"APPROVE\",\"creditHours\":4}").statusCode(200)
                    .body("status", equalTo("APPROVED")).body("creditHours", equalTo(4))
                    .body("awardId", notNullValue()).extract().path("awardId");
            decide("frank", id, "{\"decision\":\"APPROVE\"}").statusCode(409);

            ConsumerRecord<String, String> awarded = KafkaTestClient.awaitRecord("pd.credentials.events",
                    r -> r.value().contains(awardId), Duration.ofSeconds(30));
            assertThat(KafkaTestClient.header(awarded, "ce_type")).isEqualTo("pd.credentials.credential.awarded.v1");
            assertThat(EventContracts.violations("pd.credentials.credential.awarded.v1", awarded.value())).isEmpty();
            assertThat(awarded.value()).contains("\"creditHours\":4").contains("\"kind\":\"EXTERNAL\"");
        }
    }

    private static ValidatableResponse decide(String user, String id, String body) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body).when()
                .post(IMPORTS + "/" + id + "/decision").then();
    }
}
