package org.district.pd.community.resource.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.resource.Resource;
import org.district.pd.community.resource.ResourceService;
import org.district.pd.community.resource.ResourceService.ResourceView;
import org.district.pd.community.resource.rest.ResourceBodies.NewResource;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The resources shared in a community. */
@Path("/api/v1/community/communities/{id}/resources")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class CommunityResourceResource {

    private final ResourceService resources;

    CommunityResourceResource(ResourceService resources) {
        this.resources = resources;
    }

    /** Shares a link: its kind, tags and a short note on why it helped. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ResourceView> share(@PathParam("id") String id, @NotNull @Valid NewResource body) {
        return resources.share(Parameters.uuid("id", id), body);
    }

    /** Newest first, or {@code sort=top} for the most upvoted; by {@code tag} and {@code kind}. */
    @GET
    public Uni<PageView<ResourceView>> list(@PathParam("id") String id, @QueryParam("tag") String tag,
            @QueryParam("kind") String kind, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return resources.ofCommunity(Parameters.uuid("id", id), Parameters.optionalText("tag", tag, 40),
                Parameters.optionalEnum("kind", kind, Resource.Kind.class), top(sort), PageRequest.of(page, size));
    }

    static boolean top(String sort) {
        Sort order = Parameters.optionalEnum("sort", sort == null ? null : sort.toUpperCase(), Sort.class);
        return order == Sort.TOP;
    }

    enum Sort {
        RECENT, TOP
    }
}
