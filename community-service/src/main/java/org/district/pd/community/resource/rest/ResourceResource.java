package org.district.pd.community.resource.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.district.pd.community.resource.ResourceService;
import org.district.pd.community.resource.ResourceService.ResourceView;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** One shared resource and its upvotes. */
@Path("/api/v1/community/resources")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class ResourceResource {

    private final ResourceService resources;

    ResourceResource(ResourceService resources) {
        this.resources = resources;
    }

    @GET
    @Path("/{id}")
    public Uni<ResourceView> get(@PathParam("id") String id) {
        return resources.get(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/upvote")
    public Uni<ResourceView> upvote(@PathParam("id") String id) {
        return resources.upvote(Parameters.uuid("id", id), true);
    }

    @DELETE
    @Path("/{id}/upvote")
    public Uni<ResourceView> withdrawUpvote(@PathParam("id") String id) {
        return resources.upvote(Parameters.uuid("id", id), false);
    }
}
