package org.district.pd.learning.educator;

import java.util.List;

/** One page of identity conflicts, newest first, and how many match in all. */
public record IdentityConflictPage(int page, int size, long total, List<IdentityConflictView> items) {
}
