package org.district.pd.credentials.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.CredentialsConfig;
import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The district's credentials in Open Badges 3.0 (1EdTech) terms: the issuer Profile, each definition version as an
 * Achievement, and an award as an OpenBadgeCredential whose recipient is identified by a salted hash of their email.
 */
@ApplicationScoped
public class OpenBadges {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** Defines 1EdTechRevocationList and 1EdTechJsonSchemaValidator2019, which the OB context does not. */
    public static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public static final String SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public static final String API = "/api/v1/credentials";

    /** What an award's credential states. */
    public record Issue(UUID awardId, UUID educatorId, String email, CredentialDefinition definition,
            DefinitionBody body, Instant validFrom, Instant validUntil) {
    }

    private final CredentialsConfig config;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    OpenBadges(CredentialsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public String baseUrl() {
        String base = config.issuer().baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String issuerId() {
        return baseUrl() + API + "/issuer";
    }

    public String keyUrl(String kid) {
        return issuerId() + "/keys/" + kid;
    }

    public String revocationListId() {
        return baseUrl() + API + "/revocations";
    }

    public String achievementId(UUID definitionId, int version) {
        return baseUrl() + API + "/achievements/" + definitionId + "/versions/" + version;
    }

    public static String credentialId(UUID awardId) {
        return "urn:uuid:" + awardId;
    }

    public ObjectNode profile() {
        ObjectNode profile = json.createObjectNode();
        profile.put("id", issuerId());
        profile.putArray("type").add("Profile");
        profile.put("name", config.issuer().name());
        profile.put("url", baseUrl());
        config.issuer().email().ifPresent(email -> profile.put("email", email));
        config.issuer().description().ifPresent(description -> profile.put("description", description));
        return profile;
    }

    public ObjectNode achievement(CredentialDefinition definition, DefinitionBody body) {
        String id = achievementId(definition.id, definition.version);
        ObjectNode achievement = json.createObjectNode();
        achievement.put("id", id);
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType",
                body.kind() == DefinitionBody.Kind.STACK ? "Certificate" : "MicroCredential");
        achievement.put("name", body.name());
        achievement.put("description", body.description() == null ? body.competency() : body.description());
        achievement.put("version", String.valueOf(definition.version));
        achievement.put("creditsAvailable", body.creditHours().doubleValue());
        achievement.put("fieldOfStudy", body.competency());
        achievement.set("creator", profile());
        ObjectNode criteria = achievement.putObject("criteria");
        criteria.put("id", id + "#criteria");
        criteria.put("narrative", narrative(body));
        ArrayNode alignment = achievement.putArray("alignment");
        ArrayNode tags = achievement.putArray("tag");
        for (String tag : body.competencyTags()) {
            tags.add(tag);
            ObjectNode aligned = alignment.addObject();
            aligned.putArray("type").add("Alignment");
            aligned.put("targetName", tag);
            aligned.put("targetDescription", body.competency());
            aligned.put("targetFramework", config.issuer().name() + " competencies");
            aligned.put("targetType", "ext:DistrictCompetency");
            aligned.put("targetUrl", baseUrl() + API + "/achievements?tag=" + tag);
        }
        return achievement;
    }

    /** The unsigned credential of an award. */
    public ObjectNode credential(Issue issue) {
        ObjectNode credential = json.createObjectNode();
        credential.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT).add(OB_EXTENSIONS);
        credential.put("id", credentialId(issue.awardId()));
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.put("name", issue.body().name());
        credential.put("description", issue.body().competency());
        credential.set("issuer", profile());
        credential.put("validFrom", issue.validFrom().toString());
        if (issue.validUntil() != null) {
            credential.put("validUntil", issue.validUntil().toString());
        }
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", "urn:uuid:" + issue.educatorId());
        subject.putArray("type").add("AchievementSubject");
        if (issue.email() != null && !issue.email().isBlank()) {
            String salt = HexFormat.of().formatHex(salt());
            ObjectNode identity = subject.putArray("identifier").addObject();
            identity.put("type", "IdentityObject");
            identity.put("identityHash", identityHash(issue.email(), salt));
            identity.put("identityType", "emailAddress");
            identity.put("hashed", true);
            identity.put("salt", salt);
        }
        subject.put("creditsEarned", issue.body().creditHours().doubleValue());
        subject.set("achievement", achievement(issue.definition(), issue.body()));
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", revocationListId());
        status.put("type", "1EdTechRevocationList");
        ObjectNode schema = credential.putArray("credentialSchema").addObject();
        schema.put("id", SCHEMA);
        schema.put("type", "1EdTechJsonSchemaValidator2019");
        return credential;
    }

    /**
     * OB 3.0's IdentityHash: "sha256$" and the hex SHA-256 of the UTF-8 email with the salt appended. The email is
     * trimmed and lower-cased first, as email addresses are compared case-insensitively in practice.
     */
    public static String identityHash(String email, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((email.strip().toLowerCase(Locale.ROOT) + salt)
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String narrative(DefinitionBody body) {
        StringBuilder text = new StringBuilder();
        if (body.keyMethod() != null) {
            text.append("Key method: ").append(body.keyMethod()).append("\n\n");
        }
        if (body.kind() == DefinitionBody.Kind.STACK) {
            text.append("Awarded to holders of all ").append(body.members().size())
                    .append(" member micro-credentials.");
            return text.toString();
        }
        text.append("Evidence:\n");
        for (EvidenceRequirement requirement : body.evidence()) {
            text.append("- ").append(requirement.kind()).append(" (").append(requirement.min())
                    .append(requirement.max() > requirement.min() ? " to " + requirement.max() : "").append("): ")
                    .append(requirement.instructions()).append('\n');
        }
        text.append("\nReviewed against a rubric of ").append(body.rubric().criteria().size())
                .append(" criteria; every criterion must reach level ").append(body.rubric().passing().minimumLevel())
                .append('.');
        return text.toString();
    }

    private byte[] salt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }
}
