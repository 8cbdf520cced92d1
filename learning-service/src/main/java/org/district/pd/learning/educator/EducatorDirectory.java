package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.IdentityConflict.Resolution;
import org.district.pd.learning.educator.IdentityConflictRepository.Claim;
import org.district.pd.learning.educator.LearnerIdentity.Key;
import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the educator projection and the identities completions are matched by; runs inside the inbox's transaction.
 * An identity never moves silently: a snapshot that claims another educator's identity leaves it with the holder and
 * records a conflict, and the claimant gets it only once the holder's own snapshot drops it. A new identity releases
 * held completions.
 */
@ApplicationScoped
public class EducatorDirectory {

    private static final Logger LOG = Logger.getLogger(EducatorDirectory.class);

    private final EducatorRepository educators;
    private final LearnerIdentityRepository identities;
    private final IdentityConflictRepository conflicts;
    private final List<LearnersIdentified> learnersIdentified;

    EducatorDirectory(EducatorRepository educators, LearnerIdentityRepository identities,
            IdentityConflictRepository conflicts, @All List<LearnersIdentified> learnersIdentified) {
        this.educators = educators;
        this.identities = identities;
        this.conflicts = conflicts;
        this.learnersIdentified = learnersIdentified;
    }

    public Uni<Void> apply(EducatorSnapshot snapshot) {
        return educators.findById(snapshot.educatorId()).flatMap(found -> {
            if (found != null && snapshot.at().isBefore(found.updatedAt)) {
                // A compacted topic may hand us an older snapshot after a newer one, e.g. on a replay.
                LOG.debugf("Ignored the roster snapshot of educator %s from %s: the one from %s is applied already",
                        snapshot.educatorId(), snapshot.at(), found.updatedAt);
                return Uni.createFrom().voidItem();
            }
            return educators.persist(update(found == null ? new Educator() : found, snapshot))
                    // The identity statements below are plain SQL that refers to this row.
                    .call(saved -> educators.flush())
                    .flatMap(saved -> reconcile(snapshot.educatorId(), identitiesOf(snapshot)));
        });
    }

    private Uni<Void> reconcile(UUID educatorId, List<Key> wanted) {
        Instant now = Instant.now();
        return identities.heldBy(educatorId).flatMap(mine -> identities.holders(wanted).flatMap(holders -> {
            List<Key> released = new ArrayList<>(wanted);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Key dropped : mine.stream().filter(key -> !wanted.contains(key)).sorted(Key.ORDER).toList()) {
                chain = chain.call(() -> handOver(educatorId, dropped, now).invoke(given -> {
                    if (given) {
                        released.add(dropped);
                    }
                }));
            }
            for (Key key : wanted) {
                UUID holder = holders.get(key);
                if (holder == null) {
                    chain = chain.call(() -> takeOrClaim(key, educatorId, now));
                } else if (!holder.equals(educatorId)) {
                    chain = chain.call(() -> claim(key, holder, educatorId, now));
                }
            }
            return chain
                    .call(() -> withdrawClaimsNotIn(educatorId, wanted, now))
                    .call(() -> LearnersIdentified.tellAll(learnersIdentified, released))
                    .replaceWithVoid();
        }));
    }

    /** Another snapshot may have taken a free identity since it was looked up; then it is that holder's. */
    private Uni<Void> takeOrClaim(Key key, UUID educatorId, Instant now) {
        return identities.take(key, educatorId).flatMap(taken -> taken ? Uni.createFrom().voidItem()
                : identities.holders(List.of(key)).flatMap(holders -> claim(key, holders.get(key), educatorId, now)));
    }

    /** The holder's roster dropped the identity: the educator that claimed it first gets it, and the log says so. */
    private Uni<Boolean> handOver(UUID holderId, Key key, Instant now) {
        return identities.giveUp(holderId, key)
                .flatMap(freed -> conflicts.openClaimsOn(key))
                .flatMap(claims -> {
                    if (claims.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Claim first = claims.get(0);
                    return identities.take(key, first.claimantId()).call(taken -> !taken ? Uni.createFrom().voidItem()
                            : conflicts.resolve(first.conflictId(), Resolution.HOLDER_DROPPED, now)
                                    .call(() -> conflicts.moveHolder(key, first.claimantId()))
                                    .invoke(() -> LOG.infof("Educator %s no longer has a %s that educator %s claimed: "
                                            + "it moved to the claimant", holderId, key.kind(), first.claimantId())));
                });
    }

    private Uni<Void> claim(Key key, UUID holderId, UUID claimantId, Instant now) {
        return conflicts.record(key, holderId, claimantId, now).invoke(recorded -> {
            if (recorded) {
                LOG.warnf("The roster snapshot of educator %s claims a %s that educator %s holds: the holder keeps it, "
                        + "and the conflict is listed for district admins", claimantId, key.kind(), holderId);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> withdrawClaimsNotIn(UUID claimantId, List<Key> wanted, Instant now) {
        return conflicts.openClaimsBy(claimantId).flatMap(claims -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Claim claim : claims) {
                if (!wanted.contains(claim.key())) {
                    chain = chain.call(() -> conflicts.resolve(claim.conflictId(), Resolution.CLAIM_WITHDRAWN, now));
                }
            }
            return chain;
        });
    }

    private static Educator update(Educator educator, EducatorSnapshot snapshot) {
        educator.id = snapshot.educatorId();
        educator.sourcedId = snapshot.sourcedId();
        educator.givenName = snapshot.givenName();
        educator.familyName = snapshot.familyName();
        educator.email = snapshot.email();
        educator.active = snapshot.active();
        educator.updatedAt = snapshot.at();
        return educator;
    }

    /** The sourcedId and the human SIS identifier both count as SIS ids: LMSs are set up with either. */
    private static List<Key> identitiesOf(EducatorSnapshot snapshot) {
        Set<Key> all = new LinkedHashSet<>();
        if (snapshot.email() != null && !snapshot.email().isBlank()) {
            all.add(new Key(Kind.EMAIL, snapshot.email().strip().toLowerCase(Locale.ROOT)));
        }
        all.add(new Key(Kind.SIS_ID, snapshot.sourcedId()));
        if (snapshot.sisId() != null && !snapshot.sisId().isBlank()) {
            all.add(new Key(Kind.SIS_ID, snapshot.sisId().strip()));
        }
        snapshot.lmsAccounts().stream().filter(account -> account != null && !account.isBlank()).map(String::strip)
                .forEach(account -> all.add(new Key(Kind.LMS_ACCOUNT, account)));
        return all.stream().sorted(Key.ORDER).toList();
    }
}
