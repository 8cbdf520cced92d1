package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Attachments (docs/xapi-test-list.md 56-58, 83): their content travels as multipart/mixed parts named by SHA-2, is
 * checked against its hash, and comes back with attachments=true; in JSON an attachment needs a fileUrl.
 */
@QuarkusTest
class AttachmentTest {

    private static final String STATEMENTS = "/xapi/statements";
    private static final String BOUNDARY = "test-boundary-7f3a";

    private static RequestSpecification lms() {
        return given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.0.0");
    }

    private static String statement(String id, String sha2, String fileUrl) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:attacher@nowhere.example"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"https://lms.example/activities/attachments"},
                 "attachments":[{"usageType":"https://pd.district.example/attachments/reflection",
                   "display":{"en-US":"Reflection"},"contentType":"text/plain","length":%d,"sha2":"%s"%s}]}"""
                .formatted(id, CONTENT.length, sha2, fileUrl == null ? "" : ",\"fileUrl\":\"" + fileUrl + "\"");
    }

    private static final byte[] CONTENT = ("What I tried: number talks. Why: fluency. What happened: more students "
            + "explained their thinking.\r\n--not-the-boundary\r\n").getBytes(StandardCharsets.UTF_8);

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] multipart(String json, List<Map.Entry<String, byte[]>> parts) {
        StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n")
                .append(json).append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                    + "X-Experience-API-Hash: " + part.getKey() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Response postMultipart(byte[] body) {
        return lms().contentType("multipart/mixed; boundary=" + BOUNDARY).body(body).when().post(STATEMENTS);
    }

    @Test
    void anAttachmentSentAsAPartIsStoredAndComesBackWithTheStatement() throws Exception {
        String sha2 = sha256(CONTENT);
        String id = UUID.randomUUID().toString();
        postMultipart(multipart(statement(id, sha2, null), List.of(Map.entry(sha2, CONTENT))))
                .then().statusCode(200).body("[0]", equalTo(id));

        lms().queryParam("statementId", id).when().get(STATEMENTS).then().statusCode(200)
                .contentType(ContentType.JSON).body("attachments[0].sha2", equalTo(sha2));
        Response withContent = lms().queryParam("statementId", id).queryParam("attachments", "true")
                .when().get(STATEMENTS);
        withContent.then().statusCode(200).contentType(startsWith("multipart/mixed; boundary="));
        String boundary = withContent.contentType().substring(withContent.contentType().indexOf("boundary=") + 9);
        List<Multipart.Part> parts = Multipart.parse(withContent.contentType(),
                withContent.asByteArray());
        assertThat(boundary).isNotBlank();
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).contains("\"id\":\"" + id + "\"");
        assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo(sha2);
        assertThat(parts.get(1).header("Content-Transfer-Encoding")).isEqualTo("binary");
        assertThat(parts.get(1).content()).isEqualTo(CONTENT);

        // Another client naming that hash with a fileUrl gets no content: only what a client sent comes back.
        String other = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.client("lms-connector-2", "lms-connector-2-secret"))
                .header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .body(statement(other, sha2, "https://files.example/guess.txt")).when().post(STATEMENTS)
                .then().statusCode(200);
        Response guessed = given().auth().oauth2(Tokens.client("lms-connector-2", "lms-connector-2-secret"))
                .header("X-Experience-API-Version", "2.0.0").queryParam("statementId", other)
                .queryParam("attachments", "true").when().get(STATEMENTS);
        assertThat(Multipart.parse(guessed.contentType(), guessed.asByteArray())).hasSize(1);

        // An attachment with a fileUrl whose content was sent as a part too comes back to its sender.
        String both = UUID.randomUUID().toString();
        postMultipart(multipart(statement(both, sha2, "https://files.example/reflection.txt"),
                List.of(Map.entry(sha2, CONTENT)))).then().statusCode(200);
        Response own = lms().queryParam("statementId", both).queryParam("attachments", "true").when().get(STATEMENTS);
        assertThat(Multipart.parse(own.contentType(), own.asByteArray())).hasSize(2);
    }

    @Test
    void inJsonAnAttachmentNeedsAFileUrl() throws Exception {
        String sha2 = sha256(CONTENT);
        lms().contentType(ContentType.JSON).body(statement(UUID.randomUUID().toString(), sha2, null))
                .when().post(STATEMENTS).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("attachments[0].sha2"));
        lms().contentType(ContentType.JSON)
                .body(statement(UUID.randomUUID().toString(), sha2, "https://files.example/reflection.txt"))
                .when().post(STATEMENTS).then().statusCode(200);
    }

    @Test
    void aSignedStatementIsStoredWhenItsSignatureIsOfItAndRefusedOtherwise() throws Exception {
        String unsigned = """
                {"actor":{"mbox":"mailto:signer@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://lms.example/activities/signed"}}""";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        JWSObject jws = new JWSObject(
                new JWSHeader(JWSAlgorithm.RS256),
                new Payload(unsigned));
        jws.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        byte[] signature = jws.serialize().getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(signature);
        String signed = unsigned.substring(0, unsigned.length() - 1) + """
                ,"attachments":[{"usageType":"http://adlnet.gov/expapi/attachments/signature",
                  "display":{"en-US":"Signature"},"contentType":"application/octet-stream","length":%d,"sha2":"%s"}]}"""
                .formatted(signature.length, sha2);
        postMultipart(multipart(signed, List.of(Map.entry(sha2, signature)))).then().statusCode(200);
        postMultipart(multipart(signed.replace("verbs/completed", "verbs/passed"),
                List.of(Map.entry(sha2, signature)))).then().statusCode(400)
                .body("violations[0].field", equalTo("attachments[0]"));
    }

    @Test
    void partsAndHashesMustMatch() throws Exception {
        String sha2 = sha256(CONTENT);
        String id = UUID.randomUUID().toString();
        // The part's content is not what its hash says.
        postMultipart(multipart(statement(id, sha2, null), List.of(Map.entry(sha2, "tampered".getBytes()))))
                .then().statusCode(400).body("violations[0].field", equalTo("parts[1].X-Experience-API-Hash"));
        // The attachment's part is missing.
        postMultipart(multipart(statement(id, sha2, null), List.of())).then().statusCode(400)
                .body("violations[0].field", equalTo("attachments[0].sha2"));
        // A part no attachment names.
        byte[] other = "another file".getBytes(StandardCharsets.UTF_8);
        postMultipart(multipart(statement(id, sha2, null), List.of(Map.entry(sha2, CONTENT),
                Map.entry(sha256(other), other)))).then().statusCode(400)
                .body("violations.field", hasItem("X-Experience-API-Hash"));
        // Not multipart at all, or without its boundary.
        postMultipart("just text".getBytes()).then().statusCode(400).body("violations[0].field", equalTo("body"));
        lms().contentType("multipart/mixed").body(multipart(statement(id, sha2, null), List.of()))
                .when().post(STATEMENTS).then().statusCode(400).body("violations[0].field", equalTo("Content-Type"));
        lms().queryParam("statementId", id).when().get(STATEMENTS).then().statusCode(404);
    }
}
