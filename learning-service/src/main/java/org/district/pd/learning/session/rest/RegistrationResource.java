package org.district.pd.learning.session.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;

import org.district.pd.learning.session.RegistrationService;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** A teacher's own registrations. */
@Path("/api/v1/learning/registrations")
@SecurityRequirement(name = "SecurityScheme")
public class RegistrationResource {

    private final RegistrationService registrations;

    RegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.TEACHER)
    public Uni<List<RegistrationView>> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return registrations.mine(paging.page(), paging.size());
    }
}
