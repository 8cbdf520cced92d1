package org.district.pd.plan.pathway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.pathway.CoachingRequests.CheckIn;
import org.district.pd.plan.pathway.CoachingRequests.CoachAssignment;
import org.district.pd.plan.pathway.CoachingRequests.CoachRequest;
import org.district.pd.plan.pathway.CoachingRequests.Reflection;
import org.district.pd.plan.pathway.CoachingRequests.SignOff;
import org.district.pd.plan.pathway.CoachingService;
import org.district.pd.plan.pathway.PlanView;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * Coaching on a plan: its principal assigns a coach or the teacher asks for one; the coach records check-ins and signs
 * milestones off; the teacher writes reflections. Each answers with the plan as it stands after.
 */
@Path(PlanResource.PLANS)
@SecurityRequirement(name = "SecurityScheme")
public class CoachingResource {

    private final CoachingService service;

    CoachingResource(CoachingService service) {
        this.service = service;
    }

    @PUT
    @Path(PlanResource.PLAN_ID + "/coach")
    @RolesAllowed({ Roles.PRINCIPAL, Roles.DISTRICT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlanView> assignCoach(@PathParam("planId") String planId, @Valid @NotNull CoachAssignment assignment) {
        return service.assignCoach(Parameters.uuid("planId", planId), assignment);
    }

    @POST
    @Path(PlanResource.PLAN_ID + "/coach-request")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlanView> requestCoach(@PathParam("planId") String planId, @Valid @NotNull CoachRequest request) {
        return service.requestCoach(Parameters.uuid("planId", planId), request);
    }

    @POST
    @Path(PlanResource.PLAN_ID + "/check-ins")
    @RolesAllowed(Roles.COACH)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> checkIn(@PathParam("planId") String planId, @Valid @NotNull CheckIn checkIn) {
        return service.checkIn(Parameters.uuid("planId", planId), checkIn).map(CoachingResource::created);
    }

    @POST
    @Path(PlanResource.PLAN_ID + "/milestones/{milestone}/sign-off")
    @RolesAllowed(Roles.COACH)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> signOff(@PathParam("planId") String planId,
            @PathParam("milestone") String milestone, @Valid SignOff signOff) {
        return service.signOff(Parameters.uuid("planId", planId), milestone, signOff).map(CoachingResource::created);
    }

    @POST
    @Path(PlanResource.PLAN_ID + "/reflections")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> reflect(@PathParam("planId") String planId,
            @Valid @NotNull Reflection reflection) {
        return service.reflect(Parameters.uuid("planId", planId), reflection).map(CoachingResource::created);
    }

    /** Written: its place is on the plan's timeline, so no Location of its own. */
    private static RestResponse<PlanView> created(PlanView plan) {
        return RestResponse.status(RestResponse.Status.CREATED, plan);
    }
}
