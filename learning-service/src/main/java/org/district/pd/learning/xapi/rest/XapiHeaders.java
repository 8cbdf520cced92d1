package org.district.pd.learning.xapi.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.district.pd.learning.xapi.XapiVersion;

/**
 * Every xAPI response names the version (rule 90) and carries HTTP's Date, and every Statements response, errors
 * included, says up to when stored statements are readable (rule 93): statements are readable once their request is
 * answered, so now.
 */
@Provider
public class XapiHeaders implements ContainerResponseFilter {

    /** HTTP's IMF-fixdate (RFC 9110 §5.6.7): a two-digit day, which RFC_1123_DATE_TIME does not print. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/xapi")) {
            return;
        }
        response.getHeaders().putSingle(XapiVersion.HEADER, XapiVersion.LATEST);
        // HTTP's own Date, which clients compare X-Experience-API-Consistent-Through with (RFC 9110 §6.6.1).
        response.getHeaders().putSingle("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (path.startsWith("/xapi/statements")) {
            response.getHeaders().putSingle("X-Experience-API-Consistent-Through", Instant.now().toString());
        }
    }
}
