package org.district.pd.credentials.external;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.district.pd.credentials.issuer.OpenBadges;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/** Another district that issues Open Badges 3.0 credentials and publishes its key over HTTP, on localhost. */
final class ForeignIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final HttpServer server;

    ForeignIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/keys/k1", exchange -> {
            byte[] body = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String kid() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/keys/k1";
    }

    /** A credential for the email, worth {@code credits}, signed with this issuer's key and naming {@code kid}. */
    String credential(String email, double credits, String kid) throws Exception {
        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(OpenBadges.VC_CONTEXT).add(OpenBadges.OB_CONTEXT);
        String id = "urn:uuid:" + UUID.randomUUID();
        credential.put("id", id);
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.putObject("issuer").put("id", "https://other-district.example/issuer").put("name",
                "Other District").putArray("type").add("Profile");
        Instant from = Instant.parse("2026-06-01T00:00:00Z");
        credential.put("validFrom", from.toString());
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", "urn:uuid:" + UUID.randomUUID());
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", OpenBadges.identityHash(email, "pepper"));
        identity.put("identityType", "emailAddress");
        identity.put("hashed", true);
        identity.put("salt", "pepper");
        subject.put("creditsEarned", credits);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://other-district.example/achievements/questioning");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", "Questioning strategies");
        achievement.put("description", "Uses higher-order questions");
        achievement.putObject("criteria").put("narrative", "Two observed lessons");
        ObjectNode payload = credential.deepCopy();
        payload.put("iss", "https://other-district.example/issuer");
        payload.put("jti", id);
        payload.put("sub", subject.get("id").asText());
        payload.put("nbf", from.getEpochSecond());
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .build(), new Payload(JSON.writeValueAsString(payload)));
        jws.sign(new RSASSASigner(key));
        return jws.serialize();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
