package org.district.pd.plan.roster;

import java.time.Instant;
import java.util.UUID;

/**
 * A roster import as its poller sees it: {@code running}, then {@code completed} or {@code failed} with the reason.
 * The counts grow as batches commit; {@code rows} says where the per-row report of rows not accepted is paged.
 */
public record ImportView(UUID id, String status, String format, Modes mode, Instant startedAt, Instant finishedAt,
        RowCounts counts, EducatorCounts educators, OrgCounts orgs, String error, String rows) {

    /** bulk, delta or absent, from the bundle's manifest (a bundle without one is a delta). */
    public record Modes(String users, String orgs) {
    }

    /** Rows of every file: read so far, and of those accepted, rejected (with a reason) or skipped (not staff). */
    public record RowCounts(int read, int accepted, int rejected, int skipped) {
    }

    /** Educators whose snapshot changed (and was published), and those a bulk import deactivated as absent. */
    public record EducatorCounts(int changed, int deactivated) {
    }

    public record OrgCounts(int deactivated) {
    }
}
