package org.district.pd.credentials.issuer;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.issuer.VerificationView.Check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Open Badges 3.0's VC-JWT proof: the credential itself is the JWT payload, beside the claims iss (issuer.id), jti
 * (id), sub (credentialSubject.id), nbf (validFrom) and exp (validUntil); the header carries alg RS256, typ JWT and a
 * kid that dereferences to the public JWK.
 */
@ApplicationScoped
public class CredentialSigner {

    /** A token taken apart: its header's kid and its payload, before any check of the signature. */
    public record Parsed(JWSObject jws, String kid, ObjectNode payload) {
    }

    private final ObjectMapper json;

    CredentialSigner(ObjectMapper json) {
        this.json = json;
    }

    public String sign(ObjectNode credential, RSAKey key, String kidUrl) {
        ObjectNode payload = credential.deepCopy();
        payload.put("iss", credential.path("issuer").path("id").asText());
        payload.put("jti", credential.path("id").asText());
        payload.put("sub", credential.path("credentialSubject").path("id").asText());
        payload.put("nbf", Instant.parse(credential.path("validFrom").asText()).getEpochSecond());
        if (credential.hasNonNull("validUntil")) {
            payload.put("exp", Instant.parse(credential.path("validUntil").asText()).getEpochSecond());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kidUrl).build();
        try {
            JWSObject jws = new JWSObject(header, new Payload(json.writeValueAsString(payload)));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException("the credential cannot be signed", e);
        }
    }

    /** The token's parts, or a failed format check. */
    public Parsed parse(String token, List<Check> checks) {
        try {
            JWSObject jws = JWSObject.parse(token.strip());
            JsonNode payload = json.readTree(jws.getPayload().toString());
            if (!payload.isObject()) {
                checks.add(new Check("format", false, "the JWT payload is not a JSON object"));
                return null;
            }
            if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())
                    && !JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                checks.add(new Check("format", false, "alg must be RS256 or ES256, not "
                        + jws.getHeader().getAlgorithm()));
                return null;
            }
            ObjectNode credential = (ObjectNode) (payload.has("vc") && payload.get("vc").isObject()
                    ? payload.get("vc") : payload);
            checks.add(new Check("format", true, null));
            return new Parsed(jws, jws.getHeader().getKeyID(), credential.deepCopy().setAll(claims(payload)));
        } catch (ParseException | JsonProcessingException e) {
            checks.add(new Check("format", false, "not a compact JWS: " + e.getMessage()));
            return null;
        }
    }

    /** The signature with the issuer's public key, RSA or EC. */
    public boolean verifySignature(Parsed parsed, JWK key, List<Check> checks) {
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else {
                checks.add(new Check("signature", false, "the issuer's key is of type " + key.getKeyType()
                        + "; RSA and EC keys are verified"));
                return false;
            }
            boolean verified = parsed.jws().verify(verifier);
            checks.add(new Check("signature", verified, verified ? null
                    : "the signature does not match the issuer's key " + parsed.kid()));
            return verified;
        } catch (JOSEException e) {
            checks.add(new Check("signature", false, "the signature cannot be checked: " + e.getMessage()));
            return false;
        }
    }

    /**
     * The claims must state what the credential does (iss, jti, sub, nbf, exp), and now must fall between validFrom
     * and validUntil.
     */
    public void checkClaims(ObjectNode credential, Instant now, List<Check> checks) {
        List<String> mismatches = new ArrayList<>();
        match(credential, "iss", credential.path("issuer").isObject() ? credential.path("issuer").path("id").asText()
                : credential.path("issuer").asText(), mismatches);
        match(credential, "jti", credential.path("id").asText(), mismatches);
        match(credential, "sub", credential.path("credentialSubject").path("id").asText(), mismatches);
        Instant validFrom = instant(credential, "validFrom");
        Instant validUntil = instant(credential, "validUntil");
        if (validFrom == null || credential.path("nbf").asLong(Long.MIN_VALUE) != validFrom.getEpochSecond()) {
            mismatches.add("nbf must equal validFrom");
        }
        if (validUntil != null && credential.path("exp").asLong(Long.MIN_VALUE) != validUntil.getEpochSecond()) {
            mismatches.add("exp must equal validUntil");
        }
        checks.add(new Check("claims", mismatches.isEmpty(), mismatches.isEmpty() ? null
                : String.join("; ", mismatches)));
        if (validFrom != null && now.isBefore(validFrom)) {
            checks.add(new Check("validity", false, "not valid before " + validFrom));
        } else if (validUntil != null && !now.isBefore(validUntil)) {
            checks.add(new Check("validity", false, "expired at " + validUntil));
        } else {
            checks.add(new Check("validity", true, null));
        }
    }

    private static void match(ObjectNode credential, String claim, String expected, List<String> mismatches) {
        if (!credential.hasNonNull(claim) || !credential.get(claim).asText().equals(expected)) {
            mismatches.add(claim + " must equal " + (expected.isEmpty() ? "its credential field" : expected));
        }
    }

    private static Instant instant(ObjectNode credential, String field) {
        if (!credential.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(credential.get(field).asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ObjectNode claims(JsonNode payload) {
        ObjectNode claims = json.createObjectNode();
        for (String claim : List.of("iss", "jti", "sub", "nbf", "exp")) {
            if (payload.has(claim)) {
                claims.set(claim, payload.get(claim));
            }
        }
        return claims;
    }

    /** The claims the signature covers, decoded, for a download's readable half. */
    public Map<String, Object> decode(String token) {
        try {
            return JWSObject.parse(token).getPayload().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException("a stored credential is not a JWS", e);
        }
    }
}
