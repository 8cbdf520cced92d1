package org.district.pd.community.discussion.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.discussion.DiscussionService;
import org.district.pd.community.discussion.DiscussionService.PostView;
import org.district.pd.community.discussion.DiscussionService.RevisionView;
import org.district.pd.community.discussion.rest.DiscussionBodies.Hiding;
import org.district.pd.community.discussion.rest.DiscussionBodies.NewReaction;
import org.district.pd.community.discussion.rest.DiscussionBodies.PostEdit;
import org.district.pd.community.discussion.rest.DiscussionBodies.Reaction;
import org.district.pd.community.security.People;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** What is done to one post: edit it, see its earlier versions, react, hide. */
@Path("/api/v1/community/posts")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class PostResource {

    private final DiscussionService discussions;

    PostResource(DiscussionService discussions) {
        this.discussions = discussions;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostView> edit(@PathParam("id") String id, @NotNull @Valid PostEdit edit) {
        return discussions.edit(Parameters.uuid("id", id), edit);
    }

    @GET
    @Path("/{id}/revisions")
    public Uni<List<RevisionView>> revisions(@PathParam("id") String id) {
        return discussions.revisions(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostView> react(@PathParam("id") String id, @NotNull @Valid NewReaction body) {
        return discussions.react(Parameters.uuid("id", id), body.reaction().name(), true);
    }

    @DELETE
    @Path("/{id}/reactions/{reaction}")
    public Uni<PostView> unreact(@PathParam("id") String id, @PathParam("reaction") String reaction) {
        Reaction which = Parameters.optionalEnum("reaction", reaction, Reaction.class);
        if (which == null) {
            throw ProblemException.invalid("reaction", "must be one of LIKE, INSIGHTFUL, THANKS, CELEBRATE");
        }
        return discussions.react(Parameters.uuid("id", id), which.name(), false);
    }

    /** A facilitator hides a post, saying why. */
    @POST
    @Path("/{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostView> hide(@PathParam("id") String id, @NotNull @Valid Hiding body) {
        return discussions.hide(Parameters.uuid("id", id), body.reason());
    }

    @POST
    @Path("/{id}/unhide")
    public Uni<PostView> unhide(@PathParam("id") String id) {
        return discussions.hide(Parameters.uuid("id", id), null);
    }
}
