package org.district.pd.credentials.educator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Keeps the roster projection and the coach assignments; runs inside the inbox's transaction. */
@ApplicationScoped
public class EducatorDirectory {

    private static final Logger LOG = Logger.getLogger(EducatorDirectory.class);

    /** The educator as a roster snapshot describes them, at the time of its event. */
    public record Snapshot(UUID educatorId, String givenName, String familyName, String email, UUID[] schoolIds,
            boolean active, Instant at) {
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

    /** The plan's coach from now on (null: none); an older announcement than the one applied changes nothing. */
    public Uni<Void> coachAssigned(UUID planId, UUID educatorId, UUID coachId, Instant at) {
        return educators.getSession().flatMap(session -> session.find(CoachAssignment.class, planId)
                .flatMap(found -> {
                    if (found != null && at.isBefore(found.at)) {
                        return Uni.createFrom().voidItem();
                    }
                    CoachAssignment assignment = found == null ? new CoachAssignment() : found;
                    assignment.planId = planId;
                    assignment.educatorId = educatorId;
                    assignment.coachId = coachId;
                    assignment.at = at;
                    return found == null ? session.persist(assignment) : Uni.createFrom().voidItem();
                }));
    }
}
