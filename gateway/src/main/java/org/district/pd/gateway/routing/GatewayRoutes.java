package org.district.pd.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.gateway.web.Problems;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The public routes: each service's path prefixes, its OpenAPI document, and a problem for any other /api path. */
@ApplicationScoped
public class GatewayRoutes {

    /** Where every service publishes its OpenAPI document; management paths themselves are never routed. */
    private static final String SERVICE_OPENAPI = "/q/openapi?format=json";

    private final GatewayConfig config;
    private final UpstreamProxy proxy;

    GatewayRoutes(GatewayConfig config, UpstreamProxy proxy) {
        this.config = config;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            String area = route.getKey();
            ServiceInstances service = new ServiceInstances(route.getValue().url());
            long maxBodyBytes = route.getValue().maxBodySize().orElse(config.maxBodySize()).asLongValue();
            for (String prefix : route.getValue().prefixes()) {
                router.route(prefix + "/*")
                        .handler(ctx -> proxy.forward(ctx, area, service, pathAndQuery(ctx), maxBodyBytes));
            }
            router.get("/openapi/" + area).handler(ctx -> proxy.forward(ctx, area, service, SERVICE_OPENAPI, 0));
        }
        router.route("/api/*").last().handler(ctx -> Problems.send(ctx, 404, "Not found",
                "No service serves " + ctx.request().path()));
    }

    /** The normalized path is the one the route matched, so dot segments cannot reach another service path. */
    private static String pathAndQuery(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query;
    }
}
