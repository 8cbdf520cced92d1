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

import org.district.pd.community.discussion.DiscussionService;
import org.district.pd.community.discussion.DiscussionService.PostView;
import org.district.pd.community.discussion.DiscussionService.ThreadView;
import org.district.pd.community.discussion.rest.DiscussionBodies.NewReply;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** A thread with its replies. */
@Path("/api/v1/community/threads")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class ThreadResource {

    private final DiscussionService discussions;

    ThreadResource(DiscussionService discussions) {
        this.discussions = discussions;
    }

    /** The thread and a page of its replies, oldest first. */
    @GET
    @Path("/{id}")
    public Uni<ThreadView> thread(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return discussions.thread(Parameters.uuid("id", id), PageRequest.of(page, size));
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostView> reply(@PathParam("id") String id, @NotNull @Valid NewReply body) {
        return discussions.reply(Parameters.uuid("id", id), body);
    }
}
