package org.district.pd.platform.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs reactive work where the Kafka connector calls a listener, on a safe duplicated Vert.x context as Hibernate
 * Reactive needs: for tests that hand an inbox records themselves.
 */
public final class ListenerContext {

    private ListenerContext() {
    }

    /** Runs {@code work} there and waits at most a minute for its item; its failure fails the test. */
    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        try {
            return start(vertx, work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Starts {@code work} there; the future completes with its item or its failure. */
    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        return done;
    }
}
