package org.district.pd.learning.session.rest;

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

import org.district.pd.learning.session.SessionService;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** An offering's sessions: its authors schedule them, everyone who sees the offering lists them. */
@Path("/api/v1/learning/offerings/{id}/sessions")
@SecurityRequirement(name = "SecurityScheme")
public class OfferingSessionResource {

    private final SessionService sessions;

    OfferingSessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> schedule(@PathParam("id") String offeringId, @NotNull @Valid NewSession request) {
        return sessions.schedule(Parameters.uuid("id", offeringId), request)
                .map(created -> Response.created(URI.create("/api/v1/learning/sessions/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @Authenticated
    public Uni<List<SessionView>> ofOffering(@PathParam("id") String offeringId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return sessions.ofOffering(Parameters.uuid("id", offeringId), paging.page(), paging.size());
    }
}
