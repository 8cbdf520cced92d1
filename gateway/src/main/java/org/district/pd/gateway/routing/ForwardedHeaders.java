package org.district.pd.gateway.routing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.district.pd.gateway.web.CorrelationIdFilter;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** Which headers cross the gateway: end-to-end ones pass unchanged, hop-by-hop ones (RFC 9110 7.6.1) stop here. */
final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    /** Host names the upstream itself; Expect is answered by the gateway, which streams the body on regardless. */
    private static final Set<String> ANSWERED_HERE = Set.of("host", "expect");

    private ForwardedHeaders() {
    }

    /** The caller's end-to-end headers (Authorization included), plus X-Forwarded-* and the correlation id. */
    static MultiMap toUpstream(HttpServerRequest request, String correlationId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyEndToEnd(request.headers(), headers, ANSWERED_HERE);
        SocketAddress client = request.remoteAddress();
        String clientAddress = client == null ? "unknown" : client.hostAddress();
        String earlierHops = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", earlierHops == null ? clientAddress : earlierHops + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.host() != null) {
            headers.set("X-Forwarded-Host", request.host());
        }
        headers.set(CorrelationIdFilter.HEADER, correlationId);
        return headers;
    }

    /** The upstream's end-to-end response headers. */
    static void toCaller(MultiMap upstream, MultiMap response) {
        copyEndToEnd(upstream, response, Set.of());
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> alsoDropped) {
        Set<String> dropped = new HashSet<>(alsoDropped);
        dropped.addAll(HOP_BY_HOP);
        // A sender may declare more hop-by-hop headers by naming them in Connection.
        for (String connection : from.getAll("Connection")) {
            for (String name : connection.split(",")) {
                dropped.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> header : from) {
            if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }
}
