package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.IdentityConflict.Resolution;
import org.district.pd.learning.educator.IdentityConflictRepository.Claim;
import org.district.pd.learning.educator.LearnerIdentity.Key;
import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.smallrye.mutiny.Multi;
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

    /**
     * Applies the snapshots of one poll, with a few statements for the educators that only take identities nobody holds
     * and no other educator of the poll wants: an import of new or renamed educators. Of several snapshots of one such
     * educator with the same identities (a rename, then a deactivation) the newest counts, as it would one by one.
     * Every snapshot of any other educator (an identity someone else holds or another educator of the poll wants, one
     * it drops, an open claim of its own, snapshots with different identities) is applied after them by {@link #apply},
     * alone and in poll order; none of them touches what the others write. Held completions are released once for all
     * the bulk's identities: one that names two of these educators stays held as conflicting, as one by one it would
     * have been credited to whichever came first. Runs inside the inbox's transaction; a conflict with another
     * consumer's transaction fails it, and the inbox then applies the poll's records one by one.
     */
    public Uni<Void> applyAll(List<EducatorSnapshot> snapshots) {
        Map<UUID, List<EducatorSnapshot>> byEducator = snapshots.stream()
                .collect(Collectors.groupingBy(EducatorSnapshot::educatorId, LinkedHashMap::new, Collectors.toList()));
        // How many of the poll's educators want each identity, in any of their snapshots.
        Map<Key, Long> wantedBy = byEducator.values().stream()
                .flatMap(ofOne -> ofOne.stream().flatMap(snapshot -> identitiesOf(snapshot).stream()).distinct())
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        Map<UUID, EducatorSnapshot> newest = new LinkedHashMap<>();
        byEducator.forEach((educatorId, ofOne) -> {
            if (ofOne.stream().map(EducatorDirectory::identitiesOf).distinct().count() == 1) {
                newest.put(educatorId, ofOne.stream()
                        .reduce((kept, next) -> next.at().isBefore(kept.at()) ? kept : next).orElseThrow());
            }
        });
        return educators.updatedAt(List.copyOf(byEducator.keySet())).flatMap(applied -> {
            Map<UUID, List<Key>> wanted = new LinkedHashMap<>();
            newest.values().stream()
                    .filter(snapshot -> applied.get(snapshot.educatorId()) == null
                            || !snapshot.at().isBefore(applied.get(snapshot.educatorId())))
                    .filter(snapshot -> identitiesOf(snapshot).stream().allMatch(key -> wantedBy.get(key) == 1))
                    .forEach(snapshot -> wanted.put(snapshot.educatorId(), identitiesOf(snapshot)));
            if (wanted.isEmpty()) {
                return applyEach(snapshots);
            }
            return identities.holders(wanted.values().stream().flatMap(List::stream).toList())
                    .flatMap(holders -> identities.heldByAll(wanted.keySet())
                    .flatMap(held -> conflicts.claimants(wanted.keySet()).flatMap(claimants -> {
                        List<EducatorSnapshot> simple = new ArrayList<>();
                        Map<Key, UUID> free = new HashMap<>();
                        wanted.forEach((educatorId, keys) -> {
                            boolean onlyItsOwn = keys.stream()
                                    .allMatch(key -> holders.get(key) == null || holders.get(key).equals(educatorId))
                                    && keys.containsAll(held.getOrDefault(educatorId, List.of()))
                                    && !claimants.contains(educatorId);
                            if (onlyItsOwn) {
                                simple.add(newest.get(educatorId));
                                keys.stream().filter(key -> holders.get(key) == null)
                                        .forEach(key -> free.put(key, educatorId));
                            }
                        });
                        Set<UUID> inBulk = simple.stream().map(EducatorSnapshot::educatorId).collect(Collectors.toSet());
                        List<EducatorSnapshot> alone = snapshots.stream()
                                .filter(snapshot -> !inBulk.contains(snapshot.educatorId())).toList();
                        return applySimple(simple, free, wanted).call(() -> applyEach(alone));
                    })));
        });
    }

    private Uni<Void> applyEach(List<EducatorSnapshot> snapshots) {
        return Multi.createFrom().iterable(snapshots).onItem().transformToUniAndConcatenate(this::apply)
                .collect().last().replaceWithVoid();
    }

    /** Writes educators whose identities are free or theirs, and gives them the free ones; their completions go. */
    private Uni<Void> applySimple(List<EducatorSnapshot> simple, Map<Key, UUID> free, Map<UUID, List<Key>> wanted) {
        if (simple.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Key> released = simple.stream().flatMap(snapshot -> wanted.get(snapshot.educatorId()).stream()).toList();
        return educators.upsertAll(simple)
                .call(() -> free.isEmpty() ? Uni.createFrom().voidItem() : identities.takeAll(free)
                        .flatMap(taken -> taken == free.size() ? Uni.createFrom().voidItem()
                                : Uni.createFrom().failure(new IllegalStateException((free.size() - taken) + " of "
                                        + free.size() + " free identities were taken meanwhile by another educator"))))
                .call(() -> LearnersIdentified.tellAll(learnersIdentified, released))
                .replaceWithVoid();
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
