package org.district.pd.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Carries the gateway's correlation id (or a new one) into logs, outbox events and the response. */
public class CorrelationIdFilter {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String correlationId = CorrelationIds.acceptOrCreate(request.getHeaderString(CorrelationIds.HEADER));
        request.setProperty(CorrelationIds.MDC_KEY, correlationId);
        MDC.put(CorrelationIds.MDC_KEY, correlationId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object correlationId = request.getProperty(CorrelationIds.MDC_KEY);
        if (correlationId != null) {
            response.getHeaders().putSingle(CorrelationIds.HEADER, correlationId);
        }
    }
}
