package org.district.pd.credentials.issuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.district.pd.credentials.definition.ArtifactKind;
import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionBody;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/** Verification names the check that failed: an expired credential, a key not ours, a token that is no JWT. */
@QuarkusTest
class VerificationTest {

    @Inject
    OpenBadges badges;

    @Inject
    CredentialSigner signer;

    @Inject
    IssuerKeys keys;

    private String signed(Instant from, Instant until, RSAKey key, String kidUrl) {
        DefinitionBody body = new DefinitionBody(DefinitionBody.Kind.MICRO_CREDENTIAL, "Expired one", null, "C",
                null, null, List.of(new DefinitionBody.EvidenceRequirement("v", ArtifactKind.VIDEO_LINK, null, null,
                        "A video")), new DefinitionBody.Rubric(List.of(new DefinitionBody.Criterion("c", "C", null)),
                        List.of(new DefinitionBody.Level(1, "A", null), new DefinitionBody.Level(2, "B", null)),
                        new DefinitionBody.Passing(2, null)), null, null, BigDecimal.ONE, 1, null, List.of("x"));
        CredentialDefinition definition = new CredentialDefinition();
        definition.id = UUID.randomUUID();
        definition.version = 1;
        return signer.sign(badges.credential(new OpenBadges.Issue(UUID.randomUUID(), UUID.randomUUID(),
                "someone@district-demo.example", definition, body, from, until)), key, kidUrl);
    }

    @Test
    void anExpiredCredentialFailsItsValidityCheck() throws Throwable {
        RSAKey key = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(keys::signing));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String expired = signed(now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), key,
                badges.keyUrl(key.getKeyID()));
        given().contentType(ContentType.TEXT).body(expired).when().post("/api/v1/credentials/verify").then()
                .statusCode(200).body("valid", equalTo(false))
                .body("checks.find { it.check == 'signature' }.passed", equalTo(true))
                .body("checks.find { it.check == 'validity' }.passed", equalTo(false))
                .body("checks.find { it.check == 'validity' }.detail", containsString("expired"));
    }

    @Test
    void aCredentialSignedByAnotherKeyIsNotOurs() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.TEXT)
                .body(signed(now, null, stranger, badges.keyUrl("stranger")))
                .when().post("/api/v1/credentials/verify").then().statusCode(200).body("valid", equalTo(false))
                .body("checks.find { it.check == 'issuer' }.passed", equalTo(false));
        given().contentType(ContentType.TEXT).body("not-a-jwt").when().post("/api/v1/credentials/verify").then()
                .statusCode(200).body("valid", equalTo(false))
                .body("checks[0].check", equalTo("format")).body("checks[0].passed", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"token\":1}").when().post("/api/v1/credentials/verify")
                .then().statusCode(400).body("violations[0].field", equalTo("jwt"));
    }
}
