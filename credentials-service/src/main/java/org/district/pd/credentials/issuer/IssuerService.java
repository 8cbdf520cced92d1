package org.district.pd.credentials.issuer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.award.Award;
import org.district.pd.credentials.award.AwardRepository;
import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionRepository;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.issuer.VerificationView.Check;
import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What the district publishes as an issuer, for anyone: its profile, keys, achievements and revocation list; and the
 * verification of a credential it issued, check by check.
 */
@ApplicationScoped
public class IssuerService {

    private final OpenBadges badges;
    private final IssuerKeys keys;
    private final CredentialSigner signer;
    private final AwardRepository awards;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final ObjectMapper json;

    IssuerService(OpenBadges badges, IssuerKeys keys, CredentialSigner signer, AwardRepository awards,
            DefinitionRepository definitions, DefinitionService definitionService, ObjectMapper json) {
        this.badges = badges;
        this.keys = keys;
        this.signer = signer;
        this.awards = awards;
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.json = json;
    }

    public ObjectNode profile() {
        ObjectNode profile = json.createObjectNode();
        profile.putArray("@context").add(OpenBadges.VC_CONTEXT).add(OpenBadges.OB_CONTEXT);
        profile.setAll(badges.profile());
        return profile;
    }

    /** The published achievements, or those aligned to a competency tag. */
    @WithSession
    public Uni<List<ObjectNode>> achievements(String tag, int page, int size) {
        Uni<List<CredentialDefinition>> found = tag == null ? definitions.list(true, page, size)
                : definitions.publishedWithTag(tag, page, size);
        return found.map(list -> list.stream().map(this::achievement).toList());
    }

    /** A definition's achievement: the published version, or a given one that was published. */
    @WithSession
    public Uni<ObjectNode> achievement(UUID id, Integer version) {
        Uni<CredentialDefinition> found = version == null ? definitions.latest(id) : definitions.version(id, version);
        return found.map(definition -> {
            if (definition == null || definition.status == CredentialDefinition.Status.DRAFT) {
                throw ProblemException.notFound("No achievement " + id + (version == null ? "" : " version "
                        + version));
            }
            return achievement(definition);
        });
    }

    /** The 1EdTech revocation list: every credential the district revoked, and why. */
    @WithSession
    public Uni<ObjectNode> revocations() {
        return awards.revoked().map(revoked -> {
            ObjectNode list = json.createObjectNode();
            list.put("id", badges.revocationListId());
            list.put("issuer", badges.issuerId());
            ArrayNode entries = list.putArray("revokedCredentials");
            for (Award award : revoked) {
                ObjectNode entry = entries.addObject();
                entry.put("id", OpenBadges.credentialId(award.id));
                entry.put("revoked", true);
                entry.put("revocationReason", award.revokeReason);
                entry.put("revokedAt", award.revokedAt.toString());
            }
            return list;
        });
    }

    /**
     * Verifies a VC-JWT this district issued: its form, that its key is one of ours, its signature, its claims, its
     * validity period and whether it was revoked. Each check is reported; the credential is valid if all pass.
     */
    @WithSession
    public Uni<VerificationView> verify(String token) {
        List<Check> checks = new ArrayList<>();
        CredentialSigner.Parsed parsed = signer.parse(token, checks);
        if (parsed == null) {
            return Uni.createFrom().item(new VerificationView(false, checks, null));
        }
        String prefix = badges.keyUrl("");
        if (parsed.kid() == null || !parsed.kid().startsWith(prefix)) {
            checks.add(new Check("issuer", false, "the key " + parsed.kid() + " is not one of this district's ("
                    + prefix + "...); import a credential from another issuer instead"));
            return Uni.createFrom().item(new VerificationView(false, checks, parsed.payload()));
        }
        return keys.publicKey(parsed.kid().substring(prefix.length())).flatMap(key -> {
            if (key == null) {
                checks.add(new Check("issuer", false, "this district has no key " + parsed.kid()));
                return Uni.createFrom().item(new VerificationView(false, checks, parsed.payload()));
            }
            checks.add(new Check("issuer", true, null));
            if (!signer.verifySignature(parsed, key, checks)) {
                return Uni.createFrom().item(new VerificationView(false, checks, parsed.payload()));
            }
            signer.checkClaims(parsed.payload(), Instant.now(), checks);
            return revocation(parsed.payload().path("id").asText(), checks)
                    .map(ignored -> new VerificationView(checks.stream().allMatch(Check::passed), checks,
                            parsed.payload()));
        });
    }

    private Uni<Void> revocation(String credentialId, List<Check> checks) {
        UUID awardId = awardId(credentialId);
        if (awardId == null) {
            checks.add(new Check("revocation", false, "the credential id " + credentialId + " is not one of ours"));
            return Uni.createFrom().voidItem();
        }
        return awards.findById(awardId).invoke(award -> {
            if (award == null) {
                checks.add(new Check("revocation", false, "this district has no record of " + credentialId));
            } else if (award.status == Award.Status.REVOKED) {
                checks.add(new Check("revocation", false, "revoked at " + award.revokedAt + ": "
                        + award.revokeReason));
            } else {
                checks.add(new Check("revocation", true, null));
            }
        }).replaceWithVoid();
    }

    private static UUID awardId(String credentialId) {
        if (!credentialId.startsWith("urn:uuid:")) {
            return null;
        }
        try {
            return UUID.fromString(credentialId.substring("urn:uuid:".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ObjectNode achievement(CredentialDefinition definition) {
        ObjectNode achievement = json.createObjectNode();
        achievement.putArray("@context").add(OpenBadges.VC_CONTEXT).add(OpenBadges.OB_CONTEXT);
        achievement.setAll(badges.achievement(definition, definitionService.body(definition)));
        return achievement;
    }
}
