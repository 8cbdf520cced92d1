package org.district.pd.learning.ingestion.rest;

import java.util.List;

/** One page of held completions and how many are held in all. */
public record HeldCompletionPage(int page, int size, long total, List<HeldCompletionView> items) {
}
