package org.district.pd.community.community.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.community.community.CommunityKind;
import org.district.pd.community.community.CommunityService;
import org.district.pd.community.community.CommunityViews.CommunityView;
import org.district.pd.community.community.CommunityViews.GrowthView;
import org.district.pd.community.community.CommunityViews.JoinRequestView;
import org.district.pd.community.community.CommunityViews.MemberView;
import org.district.pd.community.community.CommunityViews.MembershipView;
import org.district.pd.community.community.CommunityViews.PageView;
import org.district.pd.community.community.MembershipService;
import org.district.pd.community.community.MembershipService.JoinAnswer;
import org.district.pd.community.community.rest.MembershipBodies.Invitation;
import org.district.pd.community.community.rest.MembershipBodies.JoinNote;
import org.district.pd.community.community.rest.MembershipBodies.NewFacilitator;
import org.district.pd.community.community.rest.MembershipBodies.Removal;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** Communities and their membership. */
@Path(CommunityResource.COMMUNITIES)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class CommunityResource {

    public static final String COMMUNITIES = "/api/v1/community/communities";

    private final CommunityService communities;
    private final MembershipService memberships;

    CommunityResource(CommunityService communities, MembershipService memberships) {
        this.communities = communities;
        this.memberships = memberships;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull @Valid CommunityBody body) {
        return communities.create(body).map(created -> Response.created(URI.create(COMMUNITIES + "/" + created.id()))
                .entity(created).build());
    }

    /** Every parameter is optional; {@code mine=true} keeps the caller's own communities. */
    @GET
    public Uni<PageView<CommunityView>> search(@QueryParam("kind") String kind, @QueryParam("tag") String tag,
            @QueryParam("schoolId") String schoolId, @QueryParam("q") String text, @QueryParam("mine") String mine,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return communities.search(Parameters.optionalEnum("kind", kind, CommunityKind.class),
                Parameters.optionalText("tag", tag, 40), Parameters.optionalUuid("schoolId", schoolId),
                Parameters.optionalText("q", text, 200), Parameters.flag("mine", mine, false), paging);
    }

    @GET
    @Path("/{id}")
    public Uni<CommunityView> get(@PathParam("id") String id) {
        return communities.get(Parameters.uuid("id", id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CommunityView> update(@PathParam("id") String id, @NotNull @Valid CommunityBody body) {
        return communities.update(Parameters.uuid("id", id), body);
    }

    /** Whether its meetings earn ledger hours: set by a district admin or the principal of its school. */
    public record Credit(@NotNull Boolean creditBearing) {
    }

    @PUT
    @Path("/{id}/credit-bearing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CommunityView> credit(@PathParam("id") String id, @NotNull @Valid Credit body) {
        return communities.grantCredit(Parameters.uuid("id", id), body.creditBearing());
    }

    @POST
    @Path("/{id}/archive")
    public Uni<CommunityView> archive(@PathParam("id") String id) {
        return communities.archive(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/growth")
    public Uni<GrowthView> growth(@PathParam("id") String id) {
        return communities.growth(Parameters.uuid("id", id));
    }

    /** Joins an open community, or asks to join one that takes requests (the note goes with the request). */
    @POST
    @Path("/{id}/join")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JoinAnswer> join(@PathParam("id") String id, @Valid JoinNote note) {
        return memberships.join(Parameters.uuid("id", id), note == null ? null : note.note());
    }

    @POST
    @Path("/{id}/leave")
    public Uni<MembershipView> leave(@PathParam("id") String id) {
        return memberships.leave(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/members")
    public Uni<PageView<MemberView>> members(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return memberships.members(Parameters.uuid("id", id), PageRequest.of(page, size));
    }

    @POST
    @Path("/{id}/members/{educatorId}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MembershipView> remove(@PathParam("id") String id, @PathParam("educatorId") String educatorId,
            @NotNull @Valid Removal removal) {
        return memberships.remove(Parameters.uuid("id", id), Parameters.uuid("educatorId", educatorId),
                removal.reason());
    }

    @POST
    @Path("/{id}/facilitators")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MembershipView> facilitator(@PathParam("id") String id, @NotNull @Valid NewFacilitator body) {
        return memberships.makeFacilitator(Parameters.uuid("id", id), body.educatorId());
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JoinRequestView> invite(@PathParam("id") String id, @NotNull @Valid Invitation invitation) {
        return memberships.invite(Parameters.uuid("id", id), invitation.educatorId(), invitation.note());
    }

    /** Pending requests and invitations, for the community's facilitators. */
    @GET
    @Path("/{id}/requests")
    public Uni<List<JoinRequestView>> requests(@PathParam("id") String id) {
        return memberships.pending(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/requests/{requestId}/approval")
    public Uni<JoinRequestView> approve(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        return memberships.decideRequest(Parameters.uuid("id", id), Parameters.uuid("requestId", requestId), true);
    }

    @POST
    @Path("/{id}/requests/{requestId}/decline")
    public Uni<JoinRequestView> decline(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        return memberships.decideRequest(Parameters.uuid("id", id), Parameters.uuid("requestId", requestId), false);
    }
}
