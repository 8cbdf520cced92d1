package org.district.pd.credentials.award.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.credentials.award.AwardService;
import org.district.pd.credentials.award.AwardView;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** Awards: teachers read and download their own, principals their schools', district admins all and revoke them. */
@Path("/api/v1/credentials")
@SecurityRequirement(name = "SecurityScheme")
public class AwardResource {

    public record Revocation(@NotBlank @Size(max = 1000) String reason) {
    }

    private final AwardService service;

    AwardResource(AwardService service) {
        this.service = service;
    }

    @GET
    @Path("/me/awards")
    @RolesAllowed(Roles.TEACHER)
    public Uni<List<AwardView>> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.mine(paging.page(), paging.size());
    }

    @GET
    @Path("/educators/{educatorId}/awards")
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<List<AwardView>> ofEducator(@PathParam("educatorId") String educatorId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.ofEducator(Parameters.uuid("educatorId", educatorId), paging.page(), paging.size());
    }

    @GET
    @Path("/awards/{id}")
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<AwardView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    /** The VC-JWT and what it says, to carry to another district. */
    @GET
    @Path("/awards/{id}/credential")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<Map<String, Object>> credential(@PathParam("id") String id) {
        return service.credential(Parameters.uuid("id", id)).map(award -> {
            Map<String, Object> download = new LinkedHashMap<>();
            download.put("jwt", award.credentialJwt);
            download.put("credential", service.decoded(award));
            return download;
        });
    }

    /** The VC-JWT alone, as a file (Open Badges 3.0: a .jwt, served as text/plain). */
    @GET
    @Path("/awards/{id}/credential.jwt")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.TEACHER, Roles.PRINCIPAL, Roles.DISTRICT_ADMIN})
    public Uni<Response> credentialFile(@PathParam("id") String id) {
        return service.credential(Parameters.uuid("id", id)).map(award -> Response.ok(award.credentialJwt)
                .header("Content-Disposition", "attachment; filename=\"credential-" + award.id + ".jwt\"").build());
    }

    @POST
    @Path("/awards/{id}/revocation")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AwardView> revoke(@PathParam("id") String id, @NotNull @Valid Revocation revocation) {
        return service.revoke(Parameters.uuid("id", id), revocation.reason().strip());
    }
}
