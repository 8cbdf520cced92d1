package org.district.pd.credentials.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.credentials.Demo;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A micro-credential from definition to verified Open Badge, against the real database, broker and Keycloak: the
 * teacher submits files and links, the assessor reviews, the award is signed, verified, downloaded and revoked.
 */
@QuarkusTest
class CredentialLifecycleTest {

    @Inject
    Pool database;

    private static final String SUBMISSIONS = "/api/v1/credentials/submissions";
    private static final String JACK = "2f19c82f-f21b-3b60-adfd-a57d9495a968";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean rostered;

    /** Before the first test (RestAssured knows the port only then): the people, and Ivy as an assessor. */
    @BeforeEach
    void roster() {
        if (rostered) {
            return;
        }
        rostered = true;
        Demo.rostered(Demo.ALICE, "Alice", "Alice@District-Demo.example", Demo.LINCOLN);
        Demo.rostered(Demo.IVY, "Ivy", "ivy@district-demo.example");
        Demo.rostered(Demo.ERIN, "Erin", "erin@district-demo.example", Demo.LINCOLN);
        Demo.rostered(Demo.CAROL, "Carol", "carol@district-demo.example");
        Demo.rostered(JACK, "Jack", "jack@district-demo.example");
        await().atMost(Duration.ofSeconds(45)).until(() -> database.preparedQuery(
                "select count(*) from educator where id = any($1) and email is not null")
                .execute(Tuple.of(Stream.of(Demo.ALICE, Demo.IVY, Demo.ERIN, Demo.CAROL, JACK).map(UUID::fromString)
                        .toArray(UUID[]::new)))
                .await().indefinitely().iterator().next().getLong(0) == 5);
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .contentType(ContentType.JSON).body("{\"educatorId\":\"" + Demo.IVY + "\"}")
                .post("/api/v1/credentials/assessors").statusCode() != 400);
    }

    static String submissionJson(String definitionId, String lessonPlanFile) {
        return """
                {"definitionId":"%s","artifacts":[
                  {"requirement":"lesson-plan","file":"%s"},
                  {"requirement":"video","url":"https://video.district.example/alice/exit-tickets"},
                  {"requirement":"reflection","text":"Students asked better questions by week two."}]}"""
                .formatted(definitionId, lessonPlanFile);
    }

    static ValidatableResponse submitWithFile(String user, String json, String part, byte[] file, String type) {
        return given().auth().oauth2(Tokens.user(user))
                .multiPart("submission", "submission.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart(part, "lesson-plan.pdf", file, type)
                .when().post(SUBMISSIONS).then();
    }

    static ValidatableResponse review(String user, String submission, int alignment, int adjustment) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body("""
                {"scores":[{"criterion":"alignment","level":%d,"feedback":"Clear objectives"},
                           {"criterion":"adjustment","level":%d,"feedback":"Regrouped after tickets"}],
                 "feedback":"Good work"}""".formatted(alignment, adjustment))
                .when().post(SUBMISSIONS + "/" + submission + "/review").then();
    }

    @Test
    void aPassingReviewAwardsAnOpenBadgeThatVerifiesUntilItIsRevoked() throws Exception {
        // Ivy is the one active assessor here, whatever other tests did.
        for (String other : List.of(Demo.ERIN, JACK)) {
            given().auth().oauth2(Tokens.user("grace")).delete("/api/v1/credentials/assessors/" + other);
        }
        String definition = Demo.published(Demo.microCredential("Exit tickets in practice", 1, ""));

        // A file whose bytes are not what its type says, and a link where a text is asked for, are refused.
        submitWithFile("alice", submissionJson(definition, "plan"), "plan", "not a pdf".getBytes(), "application/pdf")
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("artifacts[0].file"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body("""
                {"definitionId":"%s","artifacts":[{"requirement":"reflection","url":"https://x.example/r"}]}"""
                .formatted(definition)).when().post(SUBMISSIONS).then().statusCode(400)
                .body("violations.field", hasItem("artifacts[0].url"));

        String submission = submitWithFile("alice", submissionJson(definition, "plan"), "plan", PDF,
                "application/pdf").statusCode(201)
                .body("status", equalTo("IN_REVIEW"))
                .body("attempt", equalTo(1))
                .body("artifacts[0].file.sha256", equalTo(EvidenceRules.sha256(PDF)))
                .extract().path("id");
        // One submission under review at a time.
        submitWithFile("alice", submissionJson(definition, "plan"), "plan", PDF, "application/pdf")
                .statusCode(409);

        // The file comes back as uploaded, to the teacher and the assessor, and to no one else.
        byte[] back = given().auth().oauth2(Tokens.user("ivy")).when()
                .get(SUBMISSIONS + "/" + submission + "/artifacts/1").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(back).isEqualTo(PDF);
        given().auth().oauth2(Tokens.user("carol")).when().get(SUBMISSIONS + "/" + submission).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.user("carol")).when().get(SUBMISSIONS + "/" + submission + "/artifacts/1")
                .then().statusCode(404);
        given().when().get(SUBMISSIONS + "/" + submission).then().statusCode(401);
        given().auth().oauth2(Tokens.user("ivy")).when().get(SUBMISSIONS + "/assigned").then().statusCode(200)
                .body("id", hasItem(submission));

        // Only the assigned assessor reviews, every criterion once, on the rubric's levels.
        review("alice", submission, 4, 4).statusCode(403);
        review("erin", submission, 4, 4).statusCode(404);
        given().auth().oauth2(Tokens.user("ivy")).contentType(ContentType.JSON)
                .body("{\"scores\":[{\"criterion\":\"alignment\",\"level\":7,\"feedback\":\"?\"}]}")
                .when().post(SUBMISSIONS + "/" + submission + "/review").then().statusCode(400)
                .body("violations.field", hasItem("scores[0].level"));
        String awardId = review("ivy", submission, 3, 4).statusCode(200)
                .body("status", equalTo("PASSED"))
                .body("reviews[0].outcome", equalTo("PASS"))
                .body("awardId", notNullValue())
                .extract().path("awardId");
        review("ivy", submission, 3, 4).statusCode(409);

        // The teacher sees the review, without who wrote it.
        given().auth().oauth2(Tokens.user("alice")).when().get(SUBMISSIONS + "/" + submission).then()
                .statusCode(200).body("reviews[0].outcome", equalTo("PASS"))
                .body("reviews[0].assessorId", equalTo(null));

        // Events: submitted, reviewed, awarded, each as its contract says.
        for (String type : List.of("pd.credentials.evidence.submitted.v1", "pd.credentials.evidence.reviewed.v1",
                "pd.credentials.credential.awarded.v1")) {
            ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.credentials.events",
                    r -> type.equals(KafkaTestClient.header(r, "ce_type")) && r.value().contains(
                            type.endsWith("awarded.v1") ? awardId : submission), Duration.ofSeconds(30));
            assertThat(EventContracts.violations(type, record.value())).isEmpty();
            assertThat(record.key()).isEqualTo(Demo.ALICE);
        }

        // The credential: an OpenBadgeCredential that meets the Open Badges 3.0 schema, for the hashed email.
        JsonNode download = JSON.readTree(given().auth().oauth2(Tokens.user("alice")).when()
                .get("/api/v1/credentials/awards/" + awardId + "/credential").then().statusCode(200)
                .extract().asString());
        String jwt = download.get("jwt").asText();
        JsonNode credential = download.get("credential");
        assertThat(ob3Violations(credential)).isEmpty();
        assertThat(credential.at("/type/1").asText()).isEqualTo("OpenBadgeCredential");
        assertThat(credential.at("/credentialSubject/achievement/alignment/0/targetName").asText())
                .isEqualTo("formative-assessment");
        JsonNode identity = credential.at("/credentialSubject/identifier/0");
        assertThat(identity.get("identityHash").asText()).isEqualTo(org.district.pd.credentials.issuer.OpenBadges
                .identityHash("alice@district-demo.example", identity.get("salt").asText()));
        assertThat(credential.get("validUntil").asText()).isNotBlank();
        given().auth().oauth2(Tokens.user("carol")).when().get("/api/v1/credentials/awards/" + awardId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user("frank")).when().get("/api/v1/credentials/awards/" + awardId)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        // Anyone verifies it without a token; its key is in the public JWKS.
        String kid = header(jwt).get("kid").asText();
        given().when().get("/api/v1/credentials/issuer/jwks").then().statusCode(200)
                .body("keys.kid", hasItem(kid.substring(kid.lastIndexOf('/') + 1)));
        given().contentType(ContentType.TEXT).body(jwt).when().post("/api/v1/credentials/verify").then()
                .statusCode(200).body("valid", equalTo(true))
                .body("checks.check", contains("format", "issuer", "signature", "claims", "validity", "revocation"));

        // A tampered credential fails its signature.
        String[] parts = jwt.split("\\.");
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("credentialSubject"))
                .put("creditsEarned", 100.0);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        given().contentType(ContentType.JSON).body("{\"jwt\":\"" + tampered + "\"}").when()
                .post("/api/v1/credentials/verify").then().statusCode(200).body("valid", equalTo(false))
                .body("checks.find { it.check == 'signature' }.passed", equalTo(false));

        // Revoked: the district admin's alone; then the list names it and verification says so.
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/v1/credentials/awards/" + awardId + "/revocation").then().statusCode(403);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Evidence was not the teacher's own\"}")
                .when().post("/api/v1/credentials/awards/" + awardId + "/revocation").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().when().get("/api/v1/credentials/revocations").then().statusCode(200)
                .body("revokedCredentials.id", hasItem("urn:uuid:" + awardId));
        given().contentType(ContentType.TEXT).body(jwt).when().post("/api/v1/credentials/verify").then()
                .statusCode(200).body("valid", equalTo(false))
                .body("checks.find { it.check == 'revocation' }.detail",
                        org.hamcrest.Matchers.containsString("Evidence was not the teacher's own"));
        ConsumerRecord<String, String> revoked = KafkaTestClient.awaitRecord("pd.credentials.events",
                r -> "pd.credentials.credential.revoked.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains(awardId), Duration.ofSeconds(30));
        assertThat(EventContracts.violations("pd.credentials.credential.revoked.v1", revoked.value())).isEmpty();
    }

    @Test
    void aTeachersCoachNeverAssessesThemAndTwoAssessorsDecideTogether() {
        Demo.coachAssigned(Demo.ALICE, Demo.ERIN);
        Demo.rostered(Demo.ERIN, "Erin", "erin@district-demo.example", Demo.LINCOLN);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"educatorId\":\"" + Demo.ERIN + "\"}").post("/api/v1/credentials/assessors");
        // Whatever other tests did: Jack is not an assessor until the end of this one.
        given().auth().oauth2(Tokens.user("grace")).delete("/api/v1/credentials/assessors/" + JACK);
        String definition = Demo.published(Demo.microCredential("Two-assessor credential", 2, ""));
        await().atMost(Duration.ofSeconds(45)).until(() -> database.preparedQuery(
                "select count(*) from coach_assignment where educator_id = $1 and coach_id = $2")
                .execute(Tuple.of(UUID.fromString(Demo.ALICE), UUID.fromString(Demo.ERIN)))
                .await().indefinitely().iterator().next().getLong(0) > 0);
        String submission = submitWithFile("alice", submissionJson(definition, "plan"), "plan", PDF,
                "application/pdf").statusCode(201).extract().path("id");
        // Erin coaches Alice: of the two assessors asked for, only Ivy is assigned; the other place waits.
        given().auth().oauth2(Tokens.user("grace")).when().get(SUBMISSIONS + "/" + submission).then()
                .statusCode(200).body("reviews.assessorId", contains(Demo.IVY));
        given().auth().oauth2(Tokens.user("erin")).when().get(SUBMISSIONS + "/assigned").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(submission)));
        review("ivy", submission, 3, 3).statusCode(200).body("status", equalTo("IN_REVIEW"));

        // An assessor added takes the place that waited, and the two passes decide.
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"educatorId\":\"" + JACK + "\"}").post("/api/v1/credentials/assessors").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.user("grace")).when().get(SUBMISSIONS + "/" + submission).then()
                .statusCode(200).body("reviews.assessorId", contains(Demo.IVY, JACK));
        review("jack", submission, 3, 4).statusCode(200).body("status", equalTo("PASSED"));
    }

    private static JsonNode header(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    private static List<String> ob3Violations(JsonNode credential) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(
                CredentialLifecycleTest.class.getResourceAsStream("/ob3/ob_v3p0_achievementcredential_schema.json"));
        return schema.validate(credential).stream().map(Object::toString).toList();
    }
}
