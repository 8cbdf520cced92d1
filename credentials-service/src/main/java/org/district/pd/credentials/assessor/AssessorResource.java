package org.district.pd.credentials.assessor;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.credentials.assessor.AssessorService.AssessorView;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The district's assessors, kept by district admins. */
@Path("/api/v1/credentials/assessors")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class AssessorResource {

    public record NewAssessor(@NotNull UUID educatorId) {
    }

    private final AssessorService service;

    AssessorResource(AssessorService service) {
        this.service = service;
    }

    @GET
    public Uni<List<AssessorView>> list() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AssessorView> add(@NotNull @Valid NewAssessor assessor) {
        return service.add(assessor.educatorId());
    }

    @DELETE
    @Path("/{educatorId}")
    public Uni<AssessorView> remove(@PathParam("educatorId") String educatorId) {
        return service.remove(Parameters.uuid("educatorId", educatorId));
    }
}
