package org.district.pd.learning.outside;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** Outside-PD requests: teachers ask and send evidence, their school's principal decides. */
@Path("/api/v1/learning/outside-requests")
@SecurityRequirement(name = "SecurityScheme")
public class OutsideRequestResource {

    private final OutsideRequestService service;

    OutsideRequestResource(OutsideRequestService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull @Valid NewOutsideRequest request) {
        return service.create(request)
                .map(created -> Response.created(URI.create("/api/v1/learning/outside-requests/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<List<OutsideRequestView>> list(@QueryParam("schoolId") String schoolId,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.list(Parameters.optionalUuid("schoolId", schoolId),
                Parameters.optionalEnum("status", status, OutsideRequest.Status.class), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<OutsideRequestView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OutsideRequestView> submit(@PathParam("id") String id, @NotNull @Valid Submission submission) {
        return service.submit(Parameters.uuid("id", id), submission);
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.TEACHER)
    public Uni<OutsideRequestView> withdraw(@PathParam("id") String id) {
        return service.withdraw(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OutsideRequestView> decide(@PathParam("id") String id, @NotNull @Valid Decision decision) {
        return service.decide(Parameters.uuid("id", id), decision);
    }
}
