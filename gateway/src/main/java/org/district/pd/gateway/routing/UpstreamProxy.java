package org.district.pd.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.gateway.web.CorrelationIdFilter;
import org.district.pd.gateway.web.Problems;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards one request to the service that owns it and streams both bodies through, chunk by chunk, so a large
 * completion batch or CSV report never sits in the gateway's memory.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    /** How long the rest of a body that is too large is read and dropped after the 413. */
    private static final Duration DISCARD_FOR = Duration.ofSeconds(30);

    private final HttpClient client;
    private final GatewayConfig config;

    UpstreamProxy(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService()));
    }

    /**
     * Sends the caller's request to an instance of {@code service} at {@code pathAndQuery} and relays the answer. An
     * instance that refuses the connection is passed over for the next, which is safe for every method because
     * nothing of the request was sent; when none can be reached, the caller gets a 502.
     */
    public void forward(RoutingContext ctx, String area, ServiceInstances service, String pathAndQuery,
            long maxBodyBytes) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > maxBodyBytes) {
            tooLarge(ctx, maxBodyBytes);
            return;
        }
        // Held until the upstream connection is ready; piping the body resumes it.
        request.pause();
        connect(ctx, area, service, service.order().iterator(), pathAndQuery, maxBodyBytes);
    }

    private void connect(RoutingContext ctx, String area, ServiceInstances service, Iterator<Integer> instances,
            String pathAndQuery, long maxBodyBytes) {
        HttpServerRequest request = ctx.request();
        int instance = instances.next();
        URI url = service.url(instance);
        boolean https = "https".equals(url.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(basePath(url) + pathAndQuery)
                .setHeaders(ForwardedHeaders.toUpstream(request, CorrelationIdFilter.of(ctx)))
                .setIdleTimeout(config.timeout().toMillis());
        client.request(options)
                .onSuccess(upstream -> {
                    service.connected(instance);
                    exchange(ctx, area, upstream, maxBodyBytes);
                })
                .onFailure(failure -> {
                    if (!instances.hasNext()) {
                        unavailable(ctx, area, failure);
                        return;
                    }
                    if (service.refused(instance)) {
                        LOG.warnf("%s at %s cannot be reached; its turns go to the other instances for %d s: %s", area,
                                url, ServiceInstances.SET_ASIDE.toSeconds(), failure.toString());
                    }
                    connect(ctx, area, service, instances, pathAndQuery, maxBodyBytes);
                });
    }

    private void exchange(RoutingContext ctx, String area, HttpClientRequest upstream, long maxBodyBytes) {
        HttpServerRequest request = ctx.request();
        // Quarkus may hand over a request whose empty body was already read; piping it would wait for an end that came.
        Future<HttpClientResponse> answer = request.isEnded() ? upstream.send() : sendBody(upstream, request, maxBodyBytes);
        answer.onSuccess(response -> relay(ctx, response))
                .onFailure(failure -> {
                    upstream.reset();
                    if (failure instanceof LimitedBody.TooLarge || failure.getCause() instanceof LimitedBody.TooLarge) {
                        tooLarge(ctx, maxBodyBytes);
                    } else if (failure instanceof TimeoutException) {
                        LOG.warnf("%s did not answer %s %s within %s", area, request.method(), request.path(),
                                config.timeout());
                        Problems.send(ctx, 504, "Gateway timeout", "The " + area + " service did not answer within "
                                + config.timeout().toSeconds() + " s");
                    } else {
                        unavailable(ctx, area, failure);
                    }
                });
    }

    /**
     * Streams the body with a running count, so a chunked body is held to the limit as a declared length is. A body
     * cut off at the limit must never reach the service as if complete: the pipe does not end the upstream request on
     * failure, and the caller's answer resets it.
     */
    private static Future<HttpClientResponse> sendBody(HttpClientRequest upstream, HttpServerRequest request,
            long maxBodyBytes) {
        if (!upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            upstream.setChunked(true);
        }
        Promise<HttpClientResponse> answer = Promise.promise();
        upstream.response().onComplete(answer);
        new LimitedBody(request, maxBodyBytes).pipe().endOnFailure(false).to(upstream)
                .onFailure(failure -> answer.tryFail(failure));
        return answer.future();
    }

    private void relay(RoutingContext ctx, HttpClientResponse answer) {
        ctx.response().setStatusCode(answer.statusCode());
        ForwardedHeaders.toCaller(answer.headers(), ctx.response().headers());
        ctx.response().send(answer).onFailure(failure -> {
            // The caller left or the service broke off mid-body: neither side can be told more than a reset.
            LOG.debugf("Relaying %s broke off: %s", ctx.request().path(), failure.getMessage());
            answer.request().reset();
            ctx.response().reset();
        });
    }

    /**
     * A 413 while the caller may still be sending. The rest of the body is read and dropped, so the caller can finish
     * sending and read the answer: closing at once would reset the connection under it and lose the 413. A caller
     * that keeps sending past {@link #DISCARD_FOR} is cut off.
     */
    private static void tooLarge(RoutingContext ctx, long maxBodyBytes) {
        Problems.send(ctx, 413, "Payload too large", "The request body is larger than this path accepts ("
                + maxBodyBytes / (1024 * 1024) + " MB)");
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            long cutOff = ctx.vertx().setTimer(DISCARD_FOR.toMillis(), fired -> request.connection().close());
            request.exceptionHandler(ignored -> ctx.vertx().cancelTimer(cutOff))
                    .handler(ignored -> {
                    })
                    .endHandler(ended -> ctx.vertx().cancelTimer(cutOff))
                    .resume();
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void unavailable(RoutingContext ctx, String area, Throwable failure) {
        LOG.warnf("%s is unavailable for %s %s: %s", area, ctx.request().method(), ctx.request().path(),
                failure.toString());
        Problems.send(ctx, 502, "Bad gateway", "The " + area + " service is unavailable; try again later");
    }

    private static String basePath(URI service) {
        String path = service.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
