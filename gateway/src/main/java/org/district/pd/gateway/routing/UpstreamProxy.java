package org.district.pd.gateway.routing;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.gateway.web.CorrelationIdFilter;
import org.district.pd.gateway.web.Problems;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
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

    private final HttpClient client;
    private final GatewayConfig config;

    UpstreamProxy(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService()));
    }

    /** Sends the caller's request to {@code service} at {@code pathAndQuery} and relays the answer. */
    public void forward(RoutingContext ctx, String area, URI service, String pathAndQuery) {
        HttpServerRequest request = ctx.request();
        // Held until the upstream connection is ready; piping the body resumes it.
        request.pause();
        boolean https = "https".equals(service.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(service.getHost())
                .setPort(service.getPort() > 0 ? service.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(basePath(service) + pathAndQuery)
                .setHeaders(ForwardedHeaders.toUpstream(request, CorrelationIdFilter.of(ctx)))
                .setIdleTimeout(config.timeout().toMillis());
        client.request(options)
                .onSuccess(upstream -> exchange(ctx, area, upstream))
                .onFailure(failure -> unavailable(ctx, area, failure));
    }

    private void exchange(RoutingContext ctx, String area, HttpClientRequest upstream) {
        HttpServerRequest request = ctx.request();
        // Quarkus may hand over a request whose empty body was already read; piping it would wait for an end that came.
        Future<HttpClientResponse> answer = request.isEnded() ? upstream.send() : upstream.send(request);
        answer.onSuccess(response -> relay(ctx, response))
                .onFailure(failure -> {
                    upstream.reset();
                    if (failure instanceof TimeoutException) {
                        LOG.warnf("%s did not answer %s %s within %s", area, request.method(), request.path(),
                                config.timeout());
                        Problems.send(ctx, 504, "Gateway timeout", "The " + area + " service did not answer within "
                                + config.timeout().toSeconds() + " s");
                    } else {
                        unavailable(ctx, area, failure);
                    }
                });
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
