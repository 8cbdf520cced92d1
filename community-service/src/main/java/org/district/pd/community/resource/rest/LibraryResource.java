package org.district.pd.community.resource.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.resource.Resource;
import org.district.pd.community.resource.ResourceService;
import org.district.pd.community.resource.ResourceService.ResourceView;
import org.district.pd.community.resource.ResourceService.TagView;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The district library: the best-rated resources shared in open communities. */
@Path("/api/v1/community/library")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class LibraryResource {

    private final ResourceService resources;

    LibraryResource(ResourceService resources) {
        this.resources = resources;
    }

    /** The best-rated resources shared in open communities, by {@code tag} and {@code kind}. */
    @GET
        public Uni<PageView<ResourceView>> library(@QueryParam("tag") String tag, @QueryParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return resources.library(Parameters.optionalText("tag", tag, 40),
                Parameters.optionalEnum("kind", kind, Resource.Kind.class), PageRequest.of(page, size));
    }

    /** The library's tags, the most upvoted first. */
    @GET
    @Path("/tags")
    public Uni<List<TagView>> libraryTags() {
        return resources.libraryTags();
    }
}
