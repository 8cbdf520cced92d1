package org.district.pd.plan.goal.rest;

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

import org.district.pd.plan.goal.GoalRequest;
import org.district.pd.plan.goal.GoalService;
import org.district.pd.plan.goal.GoalView;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** District and school goals, which teachers link their plan's goals to. */
@Path(GoalResource.GOALS)
@SecurityRequirement(name = "SecurityScheme")
public class GoalResource {

    static final String GOALS = "/api/v1/plans/goals";

    private final GoalService service;

    GoalResource(GoalService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<GoalView>> create(@Valid @NotNull GoalRequest request) {
        return service.create(request).map(created -> RestResponse.ResponseBuilder
                .<GoalView>create(RestResponse.Status.CREATED, created)
                .header(HttpHeaders.LOCATION, GOALS + "/" + created.id()).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<GoalView> update(@PathParam("id") String id, @Valid @NotNull GoalRequest request) {
        return service.update(Parameters.uuid("id", id), request);
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<List<GoalView>> list(@QueryParam("schoolId") String schoolId,
            @QueryParam("schoolYear") String schoolYear, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(Parameters.optionalUuid("schoolId", schoolId), Parameters.optionalText("schoolYear",
                schoolYear, 9), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<GoalView> find(@PathParam("id") String id) {
        return service.find(Parameters.uuid("id", id));
    }
}
