package org.district.pd.plan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class KeysetPagesTest {

    private static final List<String> NAMES = List.of("ada", "bo", "cy", "di", "ed");

    private final List<String> listedAfter = new ArrayList<>();

    @Test
    void everyEducatorOnceInOrderAndTheShortPageIsTheLast() {
        List<List<String>> pages = KeysetPages.of(2, listing(NAMES), KeysetPagesTest::after, this::upperCase)
                .collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(pages).containsExactly(List.of("ADA", "BO"), List.of("CY", "DI"), List.of("ED"));
        assertThat(listedAfter).containsExactly("start", "bo", "di");
    }

    @Test
    void aFullLastPageEndsAtTheEmptyOneAfterIt() {
        List<List<String>> pages = KeysetPages.of(2, listing(NAMES.subList(0, 4)), KeysetPagesTest::after,
                this::upperCase).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(pages).containsExactly(List.of("ADA", "BO"), List.of("CY", "DI"));
        assertThat(listedAfter).containsExactly("start", "bo", "di");
    }

    @Test
    void noEducatorsNoPages() {
        assertThat(KeysetPages.of(2, listing(List.of()), KeysetPagesTest::after, this::upperCase)
                .collect().asList().await().atMost(Duration.ofSeconds(5))).isEmpty();
    }

    /** The first page completes only once the second has been asked for: read one after the other, it never would. */
    @Test
    void theNextPageIsListedWhileThisOneIsCompleted() {
        CompletableFuture<Void> secondListed = new CompletableFuture<>();
        Function<ReportCursor, Uni<List<String>>> listing = listing(NAMES);
        // A query runs when its Uni is subscribed to, not when it is made.
        Function<ReportCursor, Uni<List<String>>> watched = cursor -> Uni.createFrom().deferred(() -> {
            if (cursor != null && cursor.familyName().equals("bo")) {
                secondListed.complete(null);
            }
            return listing.apply(cursor);
        });
        Function<List<String>, Uni<List<String>>> completed = page -> page.contains("ada")
                ? Uni.createFrom().completionStage(secondListed).chain(() -> upperCase(page))
                : upperCase(page);

        List<List<String>> pages = KeysetPages.of(2, watched, KeysetPagesTest::after, completed)
                .collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(pages).hasSize(3);
    }

    /** The first page completes only once the second page's figures have been asked for too. */
    @Test
    void theNextPageIsCompletedWhileThisOneIs() {
        CompletableFuture<Void> secondAsked = new CompletableFuture<>();
        Function<List<String>, Uni<List<String>>> completed = page -> Uni.createFrom().deferred(() -> {
            if (page.contains("cy")) {
                secondAsked.complete(null);
            }
            return page.contains("ada") ? Uni.createFrom().completionStage(secondAsked).chain(() -> upperCase(page))
                    : upperCase(page);
        });

        List<List<String>> pages = KeysetPages.of(2, listing(NAMES), KeysetPagesTest::after, completed)
                .collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(pages).containsExactly(List.of("ADA", "BO"), List.of("CY", "DI"), List.of("ED"));
    }

    /** Pages that take a while each: two are completed at a time, never three, and they come out in order. */
    @Test
    void twoPagesAtATimeInOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Function<List<String>, Uni<List<String>>> slow = page -> Uni.createFrom().deferred(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            return upperCase(page).onItem().delayIt().by(Duration.ofMillis(20)).invoke(running::decrementAndGet);
        });
        List<String> names = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");

        List<List<String>> pages = KeysetPages.of(2, listing(names), KeysetPagesTest::after, slow)
                .collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(pages).containsExactly(List.of("A1", "A2"), List.of("A3", "A4"), List.of("A5", "A6"),
                List.of("A7", "A8"), List.of("A9"));
        assertThat(most).hasValue(2);
    }

    /** A page that cannot be completed fails the report, even when it failed while the page before it was read. */
    @Test
    void aPageThatFailsFailsTheReport() {
        IllegalStateException down = new IllegalStateException("database down");
        Function<List<String>, Uni<List<String>>> completed = page -> page.contains("cy")
                ? Uni.createFrom().failure(down)
                : upperCase(page);

        assertThatThrownBy(() -> KeysetPages.of(2, listing(NAMES), KeysetPagesTest::after, completed)
                .collect().asList().await().atMost(Duration.ofSeconds(5))).isSameAs(down);
    }

    private Function<ReportCursor, Uni<List<String>>> listing(List<String> names) {
        return cursor -> {
            listedAfter.add(cursor == null ? "start" : cursor.familyName());
            List<String> page = names.stream().filter(name -> cursor == null || name.compareTo(cursor.familyName()) > 0)
                    .limit(2).toList();
            return Uni.createFrom().item(page);
        };
    }

    private Uni<List<String>> upperCase(List<String> page) {
        return Uni.createFrom().item(page.stream().map(String::toUpperCase).toList());
    }

    private static ReportCursor after(String name) {
        return new ReportCursor(name, name, UUID.nameUUIDFromBytes(name.getBytes()));
    }
}
