package org.district.pd.plan.roster;

import java.util.List;

/** One page of an import's report: its rows that were rejected or skipped, in file and line order. */
public record ImportRowPage(int page, int size, long total, List<RowResult> items) {
}
