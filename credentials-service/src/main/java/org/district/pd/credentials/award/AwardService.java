package org.district.pd.credentials.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionRepository;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.educator.EducatorRepository;
import org.district.pd.credentials.issuer.CredentialSigner;
import org.district.pd.credentials.issuer.IssuerKeys;
import org.district.pd.credentials.issuer.OpenBadges;
import org.district.pd.credentials.messaging.events.CredentialAwarded;
import org.district.pd.credentials.messaging.events.CredentialEnded;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Awards: made when a submission passes or a stack's last member is held, each signed as an Open Badges 3.0
 * credential and announced; revoked by a district admin, with the stacks that counted on them; expired past their
 * validUntil; replaced by their renewal.
 */
@ApplicationScoped
public class AwardService {

    private final AwardRepository awards;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final EducatorRepository educators;
    private final OpenBadges badges;
    private final IssuerKeys keys;
    private final CredentialSigner signer;
    private final CredentialsAccess access;
    private final Outbox outbox;

    AwardService(AwardRepository awards, DefinitionRepository definitions, DefinitionService definitionService,
            EducatorRepository educators, OpenBadges badges, IssuerKeys keys, CredentialSigner signer,
            CredentialsAccess access, Outbox outbox) {
        this.awards = awards;
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.educators = educators;
        this.badges = badges;
        this.keys = keys;
        this.signer = signer;
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * The award for a passing submission, inside its transaction; a renewal replaces the award it renews, and extends
     * from that one's expiry if it has not passed yet.
     */
    public Uni<Award> awardFor(UUID educatorId, UUID submissionId, UUID renewalOf, CredentialDefinition definition,
            DefinitionBody body, Instant now) {
        // One award at a time per teacher: two members passed at once must not each miss the other and the stack.
        Uni<Instant> extendFrom = awards.lockHolder(educatorId).flatMap(locked -> renewalOf == null
                ? Uni.createFrom().item(now)
                : awards.findLocked(renewalOf).map(renewed -> {
                    Instant from = renewed.validUntil != null && renewed.validUntil.isAfter(now)
                            ? renewed.validUntil : now;
                    if (renewed.status == Award.Status.ACTIVE || renewed.status == Award.Status.EXPIRED) {
                        renewed.status = Award.Status.RENEWED;
                        renewed.endedAt = now;
                    }
                    return from;
                }));
        return extendFrom.call(awards::flush).flatMap(from -> {
            Instant validUntil = body.validityMonths() == null ? null
                    : from.atZone(ZoneOffset.UTC).plusMonths(body.validityMonths()).toInstant();
            return issue(educatorId, submissionId, renewalOf, definition, body, now, validUntil, body.creditHours());
        }).call(award -> stacksCompletedBy(educatorId, definition.id, now));
    }

    @WithTransaction
    public Uni<AwardView> revoke(UUID id, String reason) {
        return awards.findLocked(id).flatMap(award -> {
            if (award == null) {
                throw ProblemException.notFound("No award " + id);
            }
            if (award.status != Award.Status.ACTIVE) {
                throw ProblemException.conflict("Award " + id + " is " + award.status + "; only an active award "
                        + "is revoked");
            }
            Instant now = Instant.now();
            return end(award, Award.Status.REVOKED, now, reason)
                    .call(() -> revokeStacksOf(award, now))
                    .flatMap(ended -> view(award));
        });
    }

    /** Ends the active awards past their validUntil, a batch at a time; returns how many. */
    @WithTransaction
    public Uni<Integer> expireDue(int limit) {
        Instant now = Instant.now();
        return awards.expiring(now, limit).flatMap(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Award award : due) {
                chain = chain.call(() -> end(award, Award.Status.EXPIRED, now, "validUntil " + award.validUntil
                        + " passed"));
            }
            return chain.replaceWith(due.size());
        });
    }

    @WithSession
    public Uni<List<AwardView>> mine(int page, int size) {
        return awards.ofEducator(access.educator(), page, size).flatMap(this::views);
    }

    /** An educator's awards, for themselves, their principal or a district admin. */
    @WithSession
    public Uni<List<AwardView>> ofEducator(UUID educatorId, int page, int size) {
        return educators.schools(educatorId).flatMap(schools -> {
            if (!access.reads(educatorId, schools)) {
                throw ProblemException.forbidden("You may read the awards of your own school(s) only");
            }
            return awards.ofEducator(educatorId, page, size).flatMap(this::views);
        });
    }

    @WithSession
    public Uni<AwardView> get(UUID id) {
        return readable(id).flatMap(this::view);
    }

    /** The signed credential to carry elsewhere, and what it says. */
    @WithSession
    public Uni<Award> credential(UUID id) {
        return readable(id);
    }

    public Map<String, Object> decoded(Award award) {
        return signer.decode(award.credentialJwt);
    }

    private Uni<Award> readable(UUID id) {
        return awards.findById(id).flatMap(award -> award == null
                ? Uni.createFrom().failure(ProblemException.notFound("No award " + id))
                : educators.schools(award.educatorId).map(schools -> {
                    if (!access.reads(award.educatorId, schools)) {
                        throw ProblemException.notFound("No award " + id);
                    }
                    return award;
                }));
    }

    private Uni<Award> issue(UUID educatorId, UUID submissionId, UUID renews, CredentialDefinition definition,
            DefinitionBody body, Instant at, Instant until, BigDecimal creditHours) {
        UUID awardId = TimeOrderedIds.next();
        // Whole seconds: the JWT's nbf and exp are, and a verifier compares them with validFrom and validUntil.
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = until == null ? null : until.truncatedTo(ChronoUnit.SECONDS);
        return educators.findById(educatorId).flatMap(educator -> keys.signing().flatMap(key -> {
            String email = educator == null ? null : educator.email;
            String jwt = signer.sign(badges.credential(new OpenBadges.Issue(awardId, educatorId, email, definition,
                    body, now, validUntil)), key, badges.keyUrl(key.getKeyID()));
            Award award = new Award();
            award.id = awardId;
            award.educatorId = educatorId;
            award.definitionId = definition.id;
            award.definitionVersion = definition.version;
            award.submissionId = submissionId;
            award.status = Award.Status.ACTIVE;
            award.awardedAt = now;
            award.validFrom = now;
            award.validUntil = validUntil;
            award.creditHours = creditHours;
            award.credentialJwt = jwt;
            award.keyId = key.getKeyID();
            CredentialAwarded event = new CredentialAwarded(awardId, educatorId, definition.id, definition.version,
                    body.kind().name(), now, validUntil, creditHours, body.competencyTags(),
                    CredentialAwarded.CATEGORY, renews);
            return awards.persist(award)
                    .call(() -> outbox.append(Topics.CREDENTIALS_EVENTS, CredentialAwarded.TYPE, educatorId, now,
                            event));
        }));
    }

    /**
     * Awards each published stack whose members the teacher now all holds. A stack held already is reissued when a
     * renewed member lets it run longer, without its credit hours a second time.
     */
    private Uni<Void> stacksCompletedBy(UUID educatorId, UUID memberId, Instant now) {
        return definitions.stacksWith(memberId).flatMap(stacks -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CredentialDefinition stack : stacks) {
                DefinitionBody body = definitionService.body(stack);
                chain = chain.call(() -> awards.active(educatorId, body.members()).flatMap(members -> {
                    if (members.stream().map(member -> member.definitionId).distinct().count()
                            < body.members().size()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant until = stackValidUntil(body, members, now);
                    return awards.active(educatorId, Set.of(stack.id)).flatMap(held -> {
                        if (held.isEmpty()) {
                            return issue(educatorId, null, null, stack, body, now, until, body.creditHours())
                                    .replaceWithVoid();
                        }
                        Award current = held.get(0);
                        if (current.validUntil == null || until != null && !until.isAfter(current.validUntil)) {
                            return Uni.createFrom().voidItem();
                        }
                        current.status = Award.Status.RENEWED;
                        current.endedAt = now;
                        return awards.flush().flatMap(flushed -> issue(educatorId, null, current.id, stack, body,
                                now, until, BigDecimal.ZERO)).replaceWithVoid();
                    });
                }));
            }
            return chain;
        });
    }

    /** A stack holds no longer than its own validity, nor than the members it stands for. */
    private static Instant stackValidUntil(DefinitionBody body, List<Award> members, Instant now) {
        Instant until = body.validityMonths() == null ? null
                : now.atZone(ZoneOffset.UTC).plusMonths(body.validityMonths()).toInstant();
        for (Award member : members) {
            if (member.validUntil != null && (until == null || member.validUntil.isBefore(until))) {
                until = member.validUntil;
            }
        }
        return until;
    }

    private Uni<Void> revokeStacksOf(Award member, Instant now) {
        return definitions.stacksWith(member.definitionId).flatMap(stacks -> awards.active(member.educatorId,
                stacks.stream().map(stack -> stack.id).toList())).flatMap(held -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Award stack : held) {
                        chain = chain.call(() -> end(stack, Award.Status.REVOKED, now,
                                "member credential " + member.definitionId + " was revoked"));
                    }
                    return chain;
                });
    }

    private Uni<Void> end(Award award, Award.Status status, Instant now, String reason) {
        award.status = status;
        award.endedAt = now;
        if (status == Award.Status.REVOKED) {
            award.revokedAt = now;
            award.revokeReason = reason;
        }
        String type = status == Award.Status.REVOKED ? CredentialEnded.REVOKED : CredentialEnded.EXPIRED;
        return outbox.append(Topics.CREDENTIALS_EVENTS, type, award.educatorId, now,
                new CredentialEnded(award.id, award.educatorId, award.definitionId, now, reason)).replaceWithVoid();
    }

    private Uni<AwardView> view(Award award) {
        return definitions.version(award.definitionId, award.definitionVersion)
                .map(definition -> AwardView.of(award, definition.name));
    }

    /** The awards with their definitions' names, in one query for the page. */
    private Uni<List<AwardView>> views(List<Award> found) {
        return definitions.allVersions(found.stream().map(award -> award.definitionId).distinct().toList())
                .map(versions -> {
                    Map<CredentialDefinition.Key, String> names = new HashMap<>();
                    versions.forEach(version -> names.put(new CredentialDefinition.Key(version.id, version.version),
                            version.name));
                    return found.stream().map(award -> AwardView.of(award, names.get(
                            new CredentialDefinition.Key(award.definitionId, award.definitionVersion)))).toList();
                });
    }
}
