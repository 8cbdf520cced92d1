package org.district.pd.learning.xapi;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.district.pd.platform.problem.Problem.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;

/**
 * Signed statements (IEEE 9274.1.1 §4.2.6, docs/xapi-test-list.md 59): a signature is an attachment of usage type
 * {@value #SIGNATURE}, sent as a part, whose content is a JWS in compact serialization, signed with RS256, RS384 or
 * RS512, whose payload is the statement as it was before the signature was added. When the JWS names its certificate
 * (x5c), the signature must verify with that certificate's key.
 */
final class Signatures {

    static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512);

    private Signatures() {
    }

    /** How the signatures of these statements break the rules, with the contents sent as parts, by SHA-2. */
    static List<Violation> violations(List<JsonNode> statements, Map<String, Attachments.Content> contents) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String prefix = statements.size() == 1 ? "" : "statements[" + i + "].";
            JsonNode statement = statements.get(i);
            JsonNode attachments = statement.path("attachments");
            for (int j = 0; j < attachments.size(); j++) {
                JsonNode attachment = attachments.get(j);
                if (SIGNATURE.equals(attachment.path("usageType").asText())) {
                    String problem = problem(statement, attachment, contents);
                    if (problem != null) {
                        violations.add(new Violation(prefix + "attachments[" + j + "]", problem));
                    }
                }
            }
        }
        return violations;
    }

    private static String problem(JsonNode statement, JsonNode attachment,
            Map<String, Attachments.Content> contents) {
        if (!"application/octet-stream".equals(attachment.path("contentType").asText())) {
            return "a signature's contentType is application/octet-stream";
        }
        Attachments.Content content = contents.get(attachment.path("sha2").asText().toLowerCase(Locale.ROOT));
        if (content == null) {
            return "a signature travels as a multipart/mixed part, not by fileUrl";
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(content.bytes(), StandardCharsets.US_ASCII).strip());
        } catch (ParseException e) {
            return "the signature is not a JWS in compact serialization";
        }
        if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
            return "the signature uses " + jws.getHeader().getAlgorithm() + "; only RS256, RS384 and RS512 are allowed";
        }
        JsonNode signed;
        try {
            signed = StatementParser.json(jws.getPayload().toString());
        } catch (RuntimeException e) {
            return "the signature's payload is not a statement in JSON";
        }
        if (!signed.isObject() || !StatementValidator.violations(signed).isEmpty()) {
            return "the signature's payload is not a valid statement";
        }
        if (!StatementComparison.same(signed, statement)) {
            return "the signature's payload is not this statement";
        }
        if (jws.getHeader().getX509CertChain() != null && !jws.getHeader().getX509CertChain().isEmpty()) {
            var certificate = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode());
            if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey key)) {
                return "the signature's x5c does not hold an RSA certificate";
            }
            try {
                if (!jws.verify(new RSASSAVerifier(key))) {
                    return "the signature does not verify with the key of its x5c certificate";
                }
            } catch (JOSEException e) {
                return "the signature does not verify with the key of its x5c certificate";
            }
        }
        return null;
    }
}
