package org.district.pd.community.discussion.rest;

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
import org.district.pd.community.discussion.DiscussionService;
import org.district.pd.community.discussion.DiscussionService.PostView;
import org.district.pd.community.discussion.rest.DiscussionBodies.NewThread;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** A community's threads: discussions and reflections. */
@Path("/api/v1/community/communities/{id}/threads")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class CommunityThreadResource {

    private final DiscussionService discussions;

    CommunityThreadResource(DiscussionService discussions) {
        this.discussions = discussions;
    }

    /** The threads, most recently active first. */
    @GET
    public Uni<PageView<PostView>> threads(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return discussions.threads(Parameters.uuid("id", id), PageRequest.of(page, size));
    }

    /** Starts a discussion, or (kind REFLECTION) shares what I tried, why, and what happened for students. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostView> start(@PathParam("id") String id, @NotNull @Valid NewThread body) {
        return discussions.startThread(Parameters.uuid("id", id), body);
    }
}
