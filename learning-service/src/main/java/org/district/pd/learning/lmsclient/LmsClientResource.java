package org.district.pd.learning.lmsclient;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;


import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** District admins bind each LMS integration's client to the LMS it speaks for. */
@Path("/api/v1/learning/lms-clients")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class LmsClientResource {

    private final LmsClientService service;
    private final Caller caller;

    LmsClientResource(LmsClientService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Idempotent: binding a client to the LMS it is bound to already changes nothing. */
    @PUT
    @Path("/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<LmsClientView> bind(@PathParam("clientId") @NotBlank @Size(max = 200) String clientId,
            @NotNull @Valid LmsBinding request) {
        return service.bind(clientId, request.lms(), caller.name());
    }

    @GET
    public Uni<List<LmsClientView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.list(paging.page(), paging.size());
    }
}
