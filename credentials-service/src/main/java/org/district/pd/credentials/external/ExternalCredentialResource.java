package org.district.pd.credentials.external;

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

import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Credentials earned elsewhere: teachers upload them, principals and district admins approve them for credit. */
@Path("/api/v1/credentials/imports")
@SecurityRequirement(name = "SecurityScheme")
public class ExternalCredentialResource {

    private final ExternalCredentialService service;

    ExternalCredentialResource(ExternalCredentialService service) {
        this.service = service;
    }

    /** The VC-JWT as text. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.TEACHER)
    public Uni<Response> uploadText(String jwt) {
        return service.upload(required(jwt)).map(ExternalCredentialResource::created);
    }

    /** The VC-JWT as {@code {"jwt": "..."}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEACHER)
    public Uni<Response> uploadJson(JsonNode body) {
        if (body == null || !body.path("jwt").isTextual()) {
            throw ProblemException.invalid("jwt", "must be the VC-JWT as a string");
        }
        return service.upload(required(body.get("jwt").asText())).map(ExternalCredentialResource::created);
    }

    /**
     * A teacher's own; a principal's those of their schools' educators (or one of them by {@code educatorId}); a
     * district admin's all, or one educator's.
     */
    @GET
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<List<ExternalCredentialView>> list(@QueryParam("educatorId") String educatorId,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.list(Parameters.optionalUuid("educatorId", educatorId),
                Parameters.optionalEnum("status", status, ExternalCredential.Status.class), paging.page(),
                paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<ExternalCredentialView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ExternalCredentialView> decide(@PathParam("id") String id, @NotNull @Valid ImportDecision decision) {
        return service.decide(Parameters.uuid("id", id), decision);
    }

    private static String required(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            throw ProblemException.invalid("jwt", "must be the VC-JWT to import");
        }
        if (jwt.length() > 200_000) {
            throw ProblemException.invalid("jwt", "is longer than 200,000 characters");
        }
        return jwt;
    }

    private static Response created(ExternalCredentialView view) {
        return Response.created(URI.create("/api/v1/credentials/imports/" + view.id())).entity(view).build();
    }
}
