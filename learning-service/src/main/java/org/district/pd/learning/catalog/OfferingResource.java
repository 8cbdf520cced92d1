package org.district.pd.learning.catalog;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;


import jakarta.validation.constraints.NotNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The catalog of offerings: anyone signed in reads it, district admins curate it. */
@Path("/api/v1/learning/offerings")
@SecurityRequirement(name = "SecurityScheme")
public class OfferingResource {

    private final OfferingService service;

    OfferingResource(OfferingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<Response> create(@NotNull @Valid NewOffering request) {
        return service.create(request)
                .map(created -> Response.created(URI.create("/api/v1/learning/offerings/" + created.id()))
                        .entity(created).build());
    }

    @POST
    @Path("/{id}/lms-courses")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<OfferingView> addLmsCourse(@PathParam("id") String id, @NotNull @Valid LmsCourse request) {
        return service.addLmsCourse(Parameters.uuid("id", id), request);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<OfferingView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    @GET
    @Authenticated
    public Uni<List<OfferingView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.list(paging.page(), paging.size());
    }
}
