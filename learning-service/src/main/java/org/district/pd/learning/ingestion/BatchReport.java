package org.district.pd.learning.ingestion;

import java.util.List;

/** The answer to a batch: counts, and one result per item in the order posted. */
public record BatchReport(int received, long accepted, long duplicates, long unmatched, long rejected,
        List<ItemResult> items) {

    static BatchReport of(List<ItemResult> items) {
        return new BatchReport(items.size(), count(items, ItemResult.Status.ACCEPTED),
                count(items, ItemResult.Status.DUPLICATE), count(items, ItemResult.Status.UNMATCHED),
                count(items, ItemResult.Status.REJECTED), items);
    }

    private static long count(List<ItemResult> items, ItemResult.Status status) {
        return items.stream().filter(item -> item.status() == status).count();
    }
}
