package org.district.pd.credentials.external;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.district.pd.credentials.educator.EducatorRepository;
import org.district.pd.credentials.issuer.CredentialSigner;
import org.district.pd.credentials.issuer.OpenBadges;
import org.district.pd.credentials.issuer.VerificationView.Check;
import org.district.pd.credentials.messaging.events.CredentialAwarded;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;
import org.hibernate.reactive.mutiny.Mutiny.SelectionQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Credentials earned elsewhere. A teacher uploads one; it is verified against its issuer's published key where that
 * is reachable (a signature that does not match is refused), and recorded with what each check found and whether it
 * names the teacher. It counts for credit only once a principal of their school or a district admin approves it: then
 * it is announced as an award, with the hours it is worth here.
 */
@ApplicationScoped
public class ExternalCredentialService {

    private final PublishedKeys keys;
    private final CredentialSigner signer;
    private final OpenBadges badges;
    private final EducatorRepository educators;
    private final CredentialsAccess access;
    private final Outbox outbox;
    private final ObjectMapper json;

    ExternalCredentialService(PublishedKeys keys, CredentialSigner signer, OpenBadges badges,
            EducatorRepository educators, CredentialsAccess access, Outbox outbox, ObjectMapper json) {
        this.keys = keys;
        this.signer = signer;
        this.badges = badges;
        this.educators = educators;
        this.access = access;
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<ExternalCredentialView> upload(String token) {
        UUID educatorId = access.educator();
        List<Check> checks = new ArrayList<>();
        CredentialSigner.Parsed parsed = signer.parse(token, checks);
        if (parsed == null) {
            throw ProblemException.invalid("jwt", checks.get(0).detail());
        }
        if (parsed.kid() != null && parsed.kid().startsWith(badges.keyUrl(""))) {
            throw ProblemException.conflict("This credential was issued by this district: it is among your awards");
        }
        ObjectNode credential = parsed.payload();
        String credentialId = text(credential, "id");
        String achievementId = text(credential.path("credentialSubject").path("achievement"), "id");
        if (credentialId == null || achievementId == null || !credential.path("type").toString()
                .contains("Credential")) {
            throw ProblemException.invalid("jwt", "is not an Open Badges credential: it needs an id, a type and "
                    + "credentialSubject.achievement.id");
        }
        // The key is fetched off any database session; the rest continues on this request's context.
        Context context = Vertx.currentContext();
        return keys.of(parsed.jws().getHeader())
                .emitOn(runnable -> context.runOnContext(ignored -> runnable.run()))
                .flatMap(found -> {
                    if (found.key() == null) {
                        checks.add(new Check("signature", false, "not checked: " + found.detail()));
                    } else if (!signer.verifySignature(parsed, found.key(), checks)) {
                        throw ProblemException.invalid("jwt", "its signature does not match the key "
                                + parsed.kid() + " its issuer publishes");
                    }
                    signer.checkClaims(credential, Instant.now(), checks);
                    return Panache.withTransaction(() -> record(educatorId, token.strip(), credential, found,
                            checks));
                });
    }

    @WithSession
    public Uni<List<ExternalCredentialView>> list(UUID educatorId, ExternalCredential.Status status, int page,
            int size) {
        if (educatorId == null && !access.isDistrictAdmin() && access.isPrincipal()) {
            return ofSchools(access.schoolIds(), status, page, size);
        }
        UUID whose = educatorId;
        if (whose == null && !access.isDistrictAdmin()) {
            whose = access.educator();
        }
        UUID target = whose;
        Uni<Boolean> allowed = target == null ? Uni.createFrom().item(true)
                : educators.schools(target).map(schools -> access.reads(target, schools));
        return allowed.flatMap(ok -> {
            if (!ok) {
                throw ProblemException.forbidden("You may read the imports of your own school(s) only");
            }
            String query = "from ExternalCredential where 1 = 1" + (target == null ? "" : " and educatorId = :educator")
                    + (status == null ? "" : " and status = :status") + " order by uploadedAt desc, id";
            return Panache.getSession().flatMap(session -> {
                SelectionQuery<ExternalCredential> select = session.createSelectionQuery(query,
                        ExternalCredential.class);
                if (target != null) {
                    select.setParameter("educator", target);
                }
                if (status != null) {
                    select.setParameter("status", status);
                }
                return select.setFirstResult(page * size).setMaxResults(size).getResultList();
            });
        }).map(found -> found.stream().map(this::view).toList());
    }

    /** A principal's view: the imports of every educator of their schools, newest first. */
    private Uni<List<ExternalCredentialView>> ofSchools(Set<UUID> schools, ExternalCredential.Status status, int page,
            int size) {
        if (schools.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String query = """
                select x.* from external_credential x join educator e on e.id = x.educator_id
                where e.school_ids && cast(:schools as uuid[])""" + (status == null ? "" : " and x.status = :status")
                + " order by x.uploaded_at desc, x.id";
        return Panache.getSession().flatMap(session -> {
            SelectionQuery<ExternalCredential> select = session.createNativeQuery(query, ExternalCredential.class)
                    .setParameter("schools", schools.toArray(UUID[]::new));
            if (status != null) {
                select.setParameter("status", status.name());
            }
            return select.setFirstResult(page * size).setMaxResults(size).getResultList();
        }).map(found -> found.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<ExternalCredentialView> get(UUID id) {
        return readable(id, false).map(this::view);
    }

    public Uni<ExternalCredentialView> decide(UUID id, ImportDecision decision) {
        return Panache.withTransaction(() -> readable(id, true).flatMap(found -> educators.schools(found.educatorId)
                .flatMap(schools -> {
                    access.decideImport(schools);
                    if (found.status != ExternalCredential.Status.PENDING) {
                        throw ProblemException.conflict("Imported credential " + id + " is " + found.status
                                + " already");
                    }
                    String comment = decision.comment() == null || decision.comment().isBlank() ? null
                            : decision.comment().strip();
                    Instant now = Instant.now();
                    found.decidedBy = access.name();
                    found.decidedAt = now;
                    found.decisionComment = comment;
                    if (decision.decision() == ImportDecision.Verdict.DENY) {
                        if (comment == null) {
                            throw ProblemException.invalid("comment", "is required to deny: say why");
                        }
                        found.status = ExternalCredential.Status.DENIED;
                        return Uni.createFrom().item(found);
                    }
                    BigDecimal hours = decision.creditHours() != null ? decision.creditHours() : found.creditsEarned;
                    if (hours == null) {
                        throw ProblemException.invalid("creditHours", "is required: the credential states none");
                    }
                    found.status = ExternalCredential.Status.APPROVED;
                    found.creditHours = hours;
                    found.awardId = UUID.randomUUID();
                    CredentialAwarded event = new CredentialAwarded(found.awardId, found.educatorId,
                            externalDefinitionId(found.achievementId), 1, "EXTERNAL", now, found.validUntil, hours,
                            List.of(), CredentialAwarded.CATEGORY, null);
                    return outbox.append(Topics.CREDENTIALS_EVENTS, CredentialAwarded.TYPE, found.educatorId, now,
                            event).replaceWith(found);
                }))).map(this::view);
    }

    /** An achievement of another issuer, named as a credential definition would be: the same id for the same one. */
    public static UUID externalDefinitionId(String achievementId) {
        return UUID.nameUUIDFromBytes(("external:" + achievementId).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<ExternalCredentialView> record(UUID educatorId, String token, ObjectNode credential,
            PublishedKeys.Found found, List<Check> checks) {
        return educators.findById(educatorId).flatMap(educator -> {
            ExternalCredential stored = new ExternalCredential();
            stored.id = UUID.randomUUID();
            stored.educatorId = educatorId;
            stored.credentialId = text(credential, "id");
            JsonNode issuer = credential.path("issuer");
            stored.issuerId = issuer.isObject() ? text(issuer, "id") : issuer.asText();
            stored.issuerName = issuer.isObject() ? text(issuer, "name") : null;
            JsonNode achievement = credential.path("credentialSubject").path("achievement");
            stored.achievementId = text(achievement, "id");
            stored.achievementName = text(achievement, "name") == null ? stored.achievementId
                    : text(achievement, "name");
            stored.validFrom = instant(credential, "validFrom");
            stored.validUntil = instant(credential, "validUntil");
            JsonNode credits = credential.path("credentialSubject").path("creditsEarned");
            stored.creditsEarned = credits.isNumber() && credits.decimalValue().signum() >= 0
                    && credits.decimalValue().compareTo(BigDecimal.valueOf(1000)) < 0 ? credits.decimalValue() : null;
            stored.verification = found.key() == null ? ExternalCredential.Verification.KEY_UNREACHABLE : found.how();
            stored.recipientMatched = educator != null && names(credential.path("credentialSubject"),
                    educator.email);
            stored.checks = write(checks);
            stored.jwt = token;
            stored.status = ExternalCredential.Status.PENDING;
            stored.uploadedAt = Instant.now();
            return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                    "from ExternalCredential where educatorId = :educator and credentialId = :credential",
                    ExternalCredential.class).setParameter("educator", educatorId)
                    .setParameter("credential", stored.credentialId).getResultList()
                    .flatMap(existing -> {
                        if (!existing.isEmpty()) {
                            throw ProblemException.conflict("You uploaded credential " + stored.credentialId
                                    + " already, as " + existing.get(0).id);
                        }
                        return session.persist(stored);
                    })).map(ignored -> view(stored));
        });
    }

    /** Whether the credential's subject is the teacher: one of its identifiers is their email, hashed or not. */
    static boolean names(JsonNode subject, String email) {
        if (email == null) {
            return false;
        }
        for (JsonNode identity : subject.path("identifier")) {
            if (!"emailAddress".equals(identity.path("identityType").asText())) {
                continue;
            }
            String hash = identity.path("identityHash").asText();
            if (identity.path("hashed").asBoolean(false)) {
                String salt = identity.path("salt").asText("");
                if (hash.toLowerCase(Locale.ROOT).equals(OpenBadges.identityHash(email, salt))) {
                    return true;
                }
            } else if (hash.strip().equalsIgnoreCase(email.strip())) {
                return true;
            }
        }
        return false;
    }

    private Uni<ExternalCredential> readable(UUID id, boolean lock) {
        return Panache.getSession().flatMap(session -> lock
                ? session.find(ExternalCredential.class, id, LockModeType.PESSIMISTIC_WRITE)
                : session.find(ExternalCredential.class, id))
                .flatMap(found -> found == null
                        ? Uni.createFrom().failure(ProblemException.notFound("No imported credential " + id))
                        : educators.schools(found.educatorId).map(schools -> {
                            if (!access.reads(found.educatorId, schools)) {
                                throw ProblemException.notFound("No imported credential " + id);
                            }
                            return found;
                        }));
    }

    private ExternalCredentialView view(ExternalCredential found) {
        try {
            return ExternalCredentialView.of(found, json.readTree(found.checks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
