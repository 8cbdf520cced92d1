package org.district.pd.learning.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.district.pd.platform.problem.Problem.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;

/** Rule 59: what makes a signed statement's signature acceptable, with real RSA keys and a real certificate. */
class SignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENT = """
            {"actor":{"mbox":"mailto:signer@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
             "object":{"id":"https://lms.example/activities/signed"}}""";

    private static PrivateKey certified;
    private static X509Certificate certificate;

    /** A key and its self-signed certificate, made by the JDK's keytool: the x5c path needs a real certificate. */
    @BeforeAll
    static void certificate(@TempDir Path directory) throws Exception {
        Path store = directory.resolve("signer.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=LMS signer",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        certified = (PrivateKey) keys.getKey("signer", "changeit".toCharArray());
        certificate = (X509Certificate) keys.getCertificate("signer");
        assertThat(Files.exists(store)).isTrue();
    }

    @Test
    void anRs256SignatureOfTheStatementIsAccepted() throws Exception {
        String jws = sign(new JWSHeader(JWSAlgorithm.RS256), STATEMENT, newKey().getPrivate());
        assertThat(check(jws)).isEmpty();
    }

    @Test
    void aSignatureWhoseCertificateVerifiesItIsAcceptedAndOneThatDoesNotIsRefused() throws Exception {
        JWSHeader withCertificate = new JWSHeader.Builder(JWSAlgorithm.RS384)
                .x509CertChain(List.of(Base64.encode(certificate.getEncoded()))).build();
        assertThat(check(sign(withCertificate, STATEMENT, certified))).isEmpty();
        assertThat(check(sign(withCertificate, STATEMENT, newKey().getPrivate())))
                .extracting(Violation::message).containsExactly("the signature does not verify with the key of its "
                        + "x5c certificate");
    }

    @Test
    void otherAlgorithmsPayloadsAndFormsAreRefused() throws Exception {
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(STATEMENT));
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(check(hmac.serialize())).extracting(Violation::message)
                .containsExactly("the signature uses HS256; only RS256, RS384 and RS512 are allowed");
        String other = STATEMENT.replace("verbs/completed", "verbs/passed");
        assertThat(check(sign(new JWSHeader(JWSAlgorithm.RS512), other, newKey().getPrivate())))
                .extracting(Violation::message).containsExactly("the signature's payload is not this statement");
        String broken = "{\"actor\":{},\"context\":{\"contextActivities\":{\"parent\":[\"x\"]}}}";
        assertThat(check(sign(new JWSHeader(JWSAlgorithm.RS256), broken, newKey().getPrivate())))
                .extracting(Violation::message).containsExactly("the signature's payload is not a valid statement");
        assertThat(check("not a jws")).extracting(Violation::message)
                .containsExactly("the signature is not a JWS in compact serialization");
    }

    @Test
    void aSignatureMustTravelAsAPartOfOctetStream() throws Exception {
        String jws = sign(new JWSHeader(JWSAlgorithm.RS256), STATEMENT, newKey().getPrivate());
        byte[] content = jws.getBytes(StandardCharsets.US_ASCII);
        assertThat(Signatures.violations(List.of(signed(content, "text/plain")), contents(content)))
                .extracting(Violation::field).containsExactly("attachments[0]");
        assertThat(Signatures.violations(List.of(signed(content, "application/octet-stream")), Map.of()))
                .extracting(Violation::message).containsExactly("a signature travels as a multipart/mixed part, "
                        + "not by fileUrl");
    }

    private static List<Violation> check(String jws) throws Exception {
        byte[] content = jws.getBytes(StandardCharsets.US_ASCII);
        return Signatures.violations(List.of(signed(content, "application/octet-stream")), contents(content));
    }

    private static JsonNode signed(byte[] content, String contentType) throws Exception {
        ObjectNode statement = (ObjectNode) JSON.readTree(STATEMENT);
        statement.putArray("attachments").addObject().put("usageType", Signatures.SIGNATURE)
                .put("contentType", contentType).put("length", content.length).put("sha2", sha256(content))
                .putObject("display").put("en-US", "Signature");
        return statement;
    }

    private static Map<String, Attachments.Content> contents(byte[] content) throws Exception {
        return Map.of(sha256(content), new Attachments.Content(sha256(content), "application/octet-stream", content));
    }

    private static String sign(JWSHeader header, String payload, PrivateKey key) throws Exception {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        jws.sign(new RSASSASigner(key));
        return jws.serialize();
    }

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
