package org.district.pd.learning.xapi.rest;

import java.time.Instant;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.district.pd.learning.xapi.XapiVersion;

/**
 * Every xAPI response names the version (rule 90), and every Statements response, errors included, says up to when
 * stored statements are readable (rule 93): statements are readable once their request is answered, so now.
 */
@Provider
public class XapiHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/xapi")) {
            return;
        }
        response.getHeaders().putSingle(XapiVersion.HEADER, XapiVersion.LATEST);
        if (path.startsWith("/xapi/statements")) {
            response.getHeaders().putSingle("X-Experience-API-Consistent-Through", Instant.now().toString());
        }
    }
}
