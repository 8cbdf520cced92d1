package org.district.pd.learning.rating;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Ratings and reviews of an offering: teachers who took part rate it once and may edit it; anyone reads them. */
@Path("/api/v1/learning/offerings/{id}/ratings")
@SecurityRequirement(name = "SecurityScheme")
public class RatingResource {

    private final RatingService service;

    RatingResource(RatingService service) {
        this.service = service;
    }

    @PUT
    @Path("/me")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> rate(@PathParam("id") String offeringId, @NotNull @Valid NewRating request) {
        return service.rate(Parameters.uuid("id", offeringId), request)
                .map(rated -> Response.status(rated.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(rated.rating()).build());
    }

    @GET
    @Authenticated
    public Uni<List<RatingView>> list(@PathParam("id") String offeringId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.ofOffering(Parameters.uuid("id", offeringId), paging.page(), paging.size());
    }
}
