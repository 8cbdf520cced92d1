package org.district.pd.plan.roster;

import java.util.List;

/** What one batch adds to its import's counts, with the report entries of its rows that were not accepted. */
public record ImportProgress(int read, int accepted, List<RowResult> problems, int changed, int deactivated) {

    public int rejected() {
        return (int) problems.stream().filter(row -> row.status() == RowResult.Status.REJECTED).count();
    }

    public int skipped() {
        return (int) problems.stream().filter(row -> row.status() == RowResult.Status.SKIPPED).count();
    }
}
