package org.district.pd.plan.roster;

import java.util.List;

/**
 * The answer to a roster import: counts per file and one entry per row that was rejected or skipped. {@code changed}
 * counts educators created or changed, i.e. the roster events published; re-importing the same files gives 0.
 */
public record ImportReport(OrgCounts orgs, UserCounts users, List<RowResult> rows) {

    /** Rows of orgs.csv. */
    public record OrgCounts(int accepted, int rejected) {
    }

    /** Rows of users.csv. */
    public record UserCounts(int accepted, int rejected, int skipped, int changed) {
    }
}
