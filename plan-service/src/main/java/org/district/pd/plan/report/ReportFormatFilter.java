package org.district.pd.plan.report;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets {@code format=csv|json} choose the credit-hours representation, so a plain link downloads the CSV; without it
 * the Accept header decides and JSON is the default. Rewriting Accept before matching keeps one method per format.
 */
public class ReportFormatFilter {

    @ServerRequestFilter(preMatching = true)
    public void chooseRepresentation(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().endsWith(CreditHoursResource.PATH)) {
            return;
        }
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        boolean csv = format == null ? accept != null && accept.contains(CreditHoursResource.CSV) : format.equals("csv");
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, csv ? CreditHoursResource.CSV : MediaType.APPLICATION_JSON);
    }
}
