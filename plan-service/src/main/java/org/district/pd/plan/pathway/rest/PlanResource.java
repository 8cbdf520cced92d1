package org.district.pd.plan.pathway.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.pathway.EnrollmentRequest;
import org.district.pd.plan.pathway.PlanIntent;
import org.district.pd.plan.pathway.PlanIntentService;
import org.district.pd.plan.pathway.PlanRequest;
import org.district.pd.plan.pathway.PlanService;
import org.district.pd.plan.pathway.PlanView;
import org.district.pd.plan.pathway.TimelineEntry;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Teachers' growth plans: a principal or district admin starts one, the teacher reads theirs, their principal too. */
@Path(PlanResource.PLANS)
@SecurityRequirement(name = "SecurityScheme")
public class PlanResource {

    static final String PLANS = "/api/v1/plans";
    static final String PLAN_ID =
            "{planId: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final PlanService service;
    private final PlanIntentService intents;

    PlanResource(PlanService service, PlanIntentService intents) {
        this.service = service;
        this.intents = intents;
    }

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> create(@Valid @NotNull PlanRequest request) {
        // A relative Location, as a plain header: created(URI) would make it absolute with this service's address.
        return service.create(request).map(plan -> RestResponse.ResponseBuilder
                .<PlanView>create(RestResponse.Status.CREATED, plan)
                .header(HttpHeaders.LOCATION, PLANS + "/" + plan.id()).build());
    }

    /** A teacher starts a plan of an open template for themselves. */
    @POST
    @Path("enrollments")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> enroll(@Valid @NotNull EnrollmentRequest request) {
        return service.enroll(request).map(plan -> RestResponse.ResponseBuilder
                .<PlanView>create(RestResponse.Status.CREATED, plan)
                .header(HttpHeaders.LOCATION, PLANS + "/" + plan.id()).build());
    }

    /** Plans by school and stage, paged: a principal their schools', a coach their teachers', a district admin all. */
    @GET
    @RolesAllowed({ Roles.COACH, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN })
    public Uni<List<PlanView>> list(@QueryParam("schoolId") String schoolId, @QueryParam("stage") String stage,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Parameters.optionalUuid("schoolId", schoolId), Parameters.optionalText("stage", stage, 200),
                PageRequest.of(page, size));
    }

    /** Only a UUID is a plan id: any other path under /api/v1/plans stays a 404, as an unknown path is. */
    @GET
    @Path(PLAN_ID)
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN })
    public Uni<PlanView> find(@PathParam("planId") String planId) {
        return service.find(Parameters.uuid("planId", planId));
    }

    /** The teacher's goals for the open cycle, each linked to a school or district goal and to competencies. */
    @PUT
    @Path(PLAN_ID + "/goals")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlanView> writeGoals(@PathParam("planId") String planId, @Valid @NotNull PlanIntent.Goals goals) {
        return intents.writeGoals(Parameters.uuid("planId", planId), goals);
    }

    /** The optional milestones the teacher chose for the open cycle, where a stage leaves the choice to them. */
    @PUT
    @Path(PLAN_ID + "/choices")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlanView> choose(@PathParam("planId") String planId, @Valid @NotNull PlanIntent.Choices choices) {
        return intents.choose(Parameters.uuid("planId", planId), choices);
    }

    @GET
    @Path(PLAN_ID + "/timeline")
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN })
    public Uni<List<TimelineEntry>> timeline(@PathParam("planId") String planId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.timeline(Parameters.uuid("planId", planId), PageRequest.of(page, size));
    }
}
