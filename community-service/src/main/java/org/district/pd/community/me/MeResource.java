package org.district.pd.community.me;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.community.CommunityViews.JoinRequestView;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.community.MembershipService;
import org.district.pd.community.community.rest.CommunityBody;
import org.district.pd.community.discussion.DiscussionService;
import org.district.pd.community.discussion.DiscussionService.PostView;
import org.district.pd.community.meeting.MeetingService;
import org.district.pd.community.meeting.MeetingViews.MeetingView;
import org.district.pd.community.peer.PeerService;
import org.district.pd.community.peer.PeerService.InterestsView;
import org.district.pd.community.peer.PeerService.Suggestions;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The caller's own corner: invitations and requests, schedule, mentions, interests and suggested peers. */
@Path("/api/v1/community/me")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class MeResource {

    private final MembershipService memberships;
    private final MeetingService meetings;
    private final DiscussionService discussions;
    private final PeerService peers;

    MeResource(MembershipService memberships, MeetingService meetings, DiscussionService discussions,
            PeerService peers) {
        this.memberships = memberships;
        this.meetings = meetings;
        this.discussions = discussions;
        this.peers = peers;
    }

    /** The caller's own tags: what they care about and would connect over. */
    public record Interests(@NotNull @Size(max = 30) List<@NotNull @Pattern(regexp = CommunityBody.TAG,
            message = CommunityBody.TAG_MESSAGE) String> tags) {
    }

    @GET
    @Path("/interests")
    public Uni<InterestsView> interests() {
        return peers.interests();
    }

    @PUT
    @Path("/interests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterestsView> setInterests(@NotNull @Valid Interests body) {
        return peers.setInterests(body.tags());
    }

    /** Communities to join and colleagues at other schools, matched on subject, grade band, interests, strengths. */
    @GET
    @Path("/suggestions")
    public Uni<Suggestions> suggestions() {
        return peers.suggestions();
    }

    /** Posts that mention the caller, newest first. */
    @GET
    @Path("/mentions")
    public Uni<PageView<PostView>> mentions(@QueryParam("page") String page, @QueryParam("size") String size) {
        return discussions.mentionsOfMe(PageRequest.of(page, size));
    }

    /** The caller's schedule across their communities, from {@code from} (default a day ago) to {@code to}. */
    @GET
    @Path("/schedule")
    public Uni<List<MeetingView>> schedule(@QueryParam("from") String from, @QueryParam("to") String to) {
        return meetings.mine(Parameters.optionalInstant("from", from), Parameters.optionalInstant("to", to));
    }

    @GET
    @Path("/requests")
    public Uni<List<JoinRequestView>> list() {
        return memberships.mine();
    }

    /** Accepts an invitation: the caller is a member from now on. */
    @POST
    @Path("/requests/{id}/accept")
    public Uni<JoinRequestView> accept(@PathParam("id") String id) {
        return memberships.answer(Parameters.uuid("id", id), true);
    }

    /** Declines an invitation, or withdraws one's own request. */
    @POST
    @Path("/requests/{id}/decline")
    public Uni<JoinRequestView> decline(@PathParam("id") String id) {
        return memberships.answer(Parameters.uuid("id", id), false);
    }
}
