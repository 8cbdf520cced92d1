package org.district.pd.plan.report;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A whole report as its keyset pages of educators, in order, two pages completed at a time: while a page's figures
 * are read, the next page is listed (the query that lists a page tells where the one after it begins) and its
 * figures are asked for too. On two cores the queries of one page alone left one idle. At most three pages are held
 * at a time: the one emitted and the two being completed.
 */
final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * @param size      the page size; a shorter page is the last
     * @param listed    the page of educators after a cursor (null: from the start)
     * @param after     the cursor after an educator
     * @param completed a page's rows, one for each of its educators, in their order
     */
    static <E, R> Multi<List<R>> of(int size, Function<ReportCursor, Uni<List<E>>> listed,
            Function<E, ReportCursor> after, Function<List<E>, Uni<List<R>>> completed) {
        return Multi.createBy().repeating()
                .uni(() -> new Pipeline<>(size, listed, after, completed), Pipeline::next)
                .whilst(rows -> rows.size() == size)
                .select().where(rows -> !rows.isEmpty());
    }

    /** The page being completed, and how the next is listed and completed. */
    private static final class Pipeline<E, R> {
        private final int size;
        private final Function<ReportCursor, Uni<List<E>>> listed;
        private final Function<E, ReportCursor> after;
        private final Function<List<E>, Uni<List<R>>> completed;
        /** The page whose rows are being read; null before the first is listed. */
        private List<E> page;
        /** Its rows, already asked for. */
        private Uni<List<R>> rows;

        Pipeline(int size, Function<ReportCursor, Uni<List<E>>> listed, Function<E, ReportCursor> after,
                Function<List<E>, Uni<List<R>>> completed) {
            this.size = size;
            this.listed = listed;
            this.after = after;
            this.completed = completed;
        }

        /** The rows of the page being completed, once the next page is listed and being completed too. */
        Uni<List<R>> next() {
            Uni<Void> first = page == null ? listed.apply(null).invoke(this::complete).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return first.chain(() -> {
                Uni<List<R>> current = rows;
                Uni<Void> ahead = page.size() < size ? Uni.createFrom().voidItem()
                        : listed.apply(after.apply(page.get(page.size() - 1))).invoke(this::complete)
                                .replaceWithVoid();
                return Uni.combine().all().unis(current, ahead).with((found, listedAhead) -> found);
            });
        }

        /** Starts reading {@code listedPage}'s rows now; they are kept until asked for. */
        private void complete(List<E> listedPage) {
            page = listedPage;
            if (listedPage.isEmpty()) {
                rows = Uni.createFrom().item(List.of());
                return;
            }
            rows = completed.apply(listedPage).memoize().indefinitely();
            // A failure reaches the stream when these rows are asked for; here it only starts them.
            rows.subscribe().with(started -> { }, failure -> { });
        }
    }
}
