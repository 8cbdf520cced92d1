package org.district.pd.community.educator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Keeps the roster projection; runs inside the inbox's transaction. */
@ApplicationScoped
public class EducatorDirectory {

    private static final Logger LOG = Logger.getLogger(EducatorDirectory.class);

    /** The educator as a roster snapshot describes them, at the time of its event. */
    public record Snapshot(UUID educatorId, String givenName, String familyName, String email, UUID[] schoolIds,
            String[] subjects, String[] grades, boolean active, Instant at) {
    }

    private final EducatorRepository educators;

    EducatorDirectory(EducatorRepository educators) {
        this.educators = educators;
    }

    public Uni<Void> apply(Snapshot snapshot) {
        return educators.findById(snapshot.educatorId()).flatMap(found -> {
            if (found != null && snapshot.at().isBefore(found.updatedAt)) {
                // A compacted topic may hand us an older snapshot after a newer one, e.g. on a replay.
                LOG.debugf("Ignored the roster snapshot of educator %s from %s: the one from %s is applied already",
                        snapshot.educatorId(), snapshot.at(), found.updatedAt);
                return Uni.createFrom().voidItem();
            }
            Educator educator = found == null ? new Educator() : found;
            educator.id = snapshot.educatorId();
            educator.givenName = snapshot.givenName();
            educator.familyName = snapshot.familyName();
            educator.email = snapshot.email();
            educator.schoolIds = snapshot.schoolIds();
            educator.subjects = snapshot.subjects();
            educator.grades = snapshot.grades();
            educator.gradeBands = GradeBands.of(snapshot.grades());
            educator.active = snapshot.active();
            educator.updatedAt = snapshot.at();
            return educators.persist(educator).replaceWithVoid();
        });
    }

    /**
     * The same as {@link #apply} of each snapshot in turn, with one statement: the newest of an educator's snapshots
     * counts (of two as new, the later in the poll), and only over an older one in their row.
     */
    public Uni<Void> applyAll(List<Snapshot> snapshots) {
        Map<UUID, Snapshot> newest = new LinkedHashMap<>();
        for (Snapshot snapshot : snapshots) {
            newest.merge(snapshot.educatorId(), snapshot, (held, next) -> next.at().isBefore(held.at()) ? held : next);
        }
        return educators.upsertAll(newest.values());
    }
}
