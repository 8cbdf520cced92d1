package org.district.pd.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/** The caller's body as it streams through, failing once it grows past the limit, whether its length was declared or not. */
final class LimitedBody implements ReadStream<Buffer> {

    /** The body grew past the limit; the caller is answered 413 and the service's request is reset, never ended. */
    static final class TooLarge extends RuntimeException {

        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    private final HttpServerRequest request;
    private final long limit;
    private long received;
    private Handler<Throwable> exceptionHandler = ignored -> {
    };

    LimitedBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    @Override
    public LimitedBody exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler == null ? ignored -> {
        } : handler;
        request.exceptionHandler(handler);
        return this;
    }

    @Override
    public LimitedBody handler(Handler<Buffer> handler) {
        if (handler == null) {
            request.handler(null);
            return this;
        }
        request.handler(chunk -> {
            received += chunk.length();
            if (received > limit) {
                request.handler(null);
                request.endHandler(null);
                exceptionHandler.handle(new TooLarge());
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    @Override
    public LimitedBody pause() {
        request.pause();
        return this;
    }

    @Override
    public LimitedBody resume() {
        request.resume();
        return this;
    }

    @Override
    public LimitedBody fetch(long amount) {
        request.fetch(amount);
        return this;
    }

    @Override
    public LimitedBody endHandler(Handler<Void> handler) {
        request.endHandler(handler);
        return this;
    }
}
