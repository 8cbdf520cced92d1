package org.district.pd.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which service owns which public paths, and how long the gateway waits for them. */
@ConfigMapping(prefix = "pd.gateway")
public interface GatewayConfig {

    /** The services by area, e.g. {@code learning}; the area also names its OpenAPI document at /openapi/{area}. */
    Map<String, Route> routes();

    /** How long a service may stay silent (no response, no body data) before the caller gets a 504. */
    @WithDefault("60s")
    Duration timeout();

    /** How long to wait for a connection to a service before the caller gets a 502. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** The largest request body a route takes unless it says otherwise, declared or chunked; larger gets a 413. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Pooled connections to each service. */
    @WithDefault("64")
    int maxConnectionsPerService();

    interface Route {

        /** Path prefixes forwarded unchanged, e.g. {@code /api/v1/learning}; a prefix matches itself and below. */
        List<String> prefixes();

        /**
         * The service's base URL, e.g. {@code http://localhost:8081}; or the base URLs of several instances of it,
         * comma-separated, which take turns (see {@link ServiceInstances}).
         */
        List<URI> url();

        /** This route's body limit, e.g. the service's own upload limit; the gateway-wide one when absent. */
        Optional<MemorySize> maxBodySize();
    }
}
