package org.district.pd.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/** Gives every request a correlation id (the caller's, or a new one) that goes upstream, into logs and back. */
@ApplicationScoped
public class CorrelationIdFilter {

    public static final String HEADER = "X-Correlation-Id";

    private static final String KEY = "correlationId";

    /** A caller's id goes into logs and upstream headers: no spaces or control characters (as in the services). */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Above the authentication filter (200), so that a 401 carries the id too. */
    private static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(this::assign, PRIORITY);
    }

    private void assign(RoutingContext ctx) {
        String callerId = ctx.request().getHeader(HEADER);
        String assigned = callerId != null && SAFE.matcher(callerId).matches() ? callerId : UUID.randomUUID().toString();
        ctx.put(KEY, assigned);
        MDC.put(KEY, assigned);
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(HEADER, assigned));
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
