package org.district.pd.plan.pathway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.pathway.TemplateRequest;
import org.district.pd.plan.pathway.TemplateService;
import org.district.pd.plan.pathway.TemplateView;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * Growth pathway templates: district admins write district-wide ones and any school's, principals their own
 * school's; educators read the district's and their school's. Every edit is a new version.
 */
@Path(TemplateResource.TEMPLATES)
@SecurityRequirement(name = "SecurityScheme")
public class TemplateResource {

    static final String TEMPLATES = "/api/v1/plans/templates";

    private final TemplateService service;

    TemplateResource(TemplateService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TemplateView>> create(TemplateRequest request) {
        // A relative Location, as a plain header: created(URI) would make it absolute with this service's address.
        return service.create(body(request)).map(created -> RestResponse.ResponseBuilder
                .<TemplateView>create(RestResponse.Status.CREATED, created)
                .header(HttpHeaders.LOCATION, TEMPLATES + "/" + created.id()).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TemplateView> revise(@PathParam("id") String id, TemplateRequest request) {
        return service.revise(Parameters.uuid("id", id), body(request));
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<List<TemplateView>> list(@QueryParam("schoolId") String schoolId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(Parameters.optionalUuid("schoolId", schoolId), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<TemplateView> find(@PathParam("id") String id) {
        return service.find(Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<TemplateView> findVersion(@PathParam("id") String id, @PathParam("version") String version) {
        return service.find(Parameters.uuid("id", id),
                Parameters.wholeNumber("version", version, 1, 1, Integer.MAX_VALUE));
    }

    private static TemplateRequest body(TemplateRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a template is required");
        }
        return request;
    }
}
