package org.district.pd.plan.report;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;

/**
 * A whole report as its keyset pages of educators, in order, each page's educators read while the page before them
 * is completed: the query that lists a page (and so tells where the next begins) runs beside the queries that sum its
 * figures, instead of after them. At most two pages are held at a time.
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
                .uni(ReadAhead<E>::new, ahead -> ahead.page(listed).chain(page -> {
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(List.<R>of());
                    }
                    Uni<List<E>> next = page.size() < size ? Uni.createFrom().item(List.of())
                            : listed.apply(after.apply(page.get(page.size() - 1)));
                    return Uni.combine().all().unis(completed.apply(page), next).asTuple()
                            .invoke(both -> ahead.next = both.getItem2())
                            .map(Tuple2::getItem1);
                }))
                .whilst(rows -> rows.size() == size)
                .select().where(rows -> !rows.isEmpty());
    }

    /** The page already read, if any: null before the first. */
    private static final class ReadAhead<E> {
        private List<E> next;

        Uni<List<E>> page(Function<ReportCursor, Uni<List<E>>> listed) {
            return next == null ? listed.apply(null) : Uni.createFrom().item(next);
        }
    }
}
