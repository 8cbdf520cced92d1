package org.district.pd.credentials.definition.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.definition.DefinitionView;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Credential definitions: district admins write and publish them; every signed-in user reads published ones. */
@Path("/api/v1/credentials/definitions")
@SecurityRequirement(name = "SecurityScheme")
public class DefinitionResource {

    private final DefinitionService service;

    DefinitionResource(DefinitionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull @Valid DefinitionBody body) {
        return service.create(body).map(created -> Response
                .created(URI.create("/api/v1/credentials/definitions/" + created.id())).entity(created).build());
    }

    /** Edits a draft in place; a published definition gets a new version. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DefinitionView> update(@PathParam("id") String id, @NotNull @Valid DefinitionBody body) {
        return service.update(Parameters.uuid("id", id), body);
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<DefinitionView> publish(@PathParam("id") String id) {
        return service.publish(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<DefinitionView> retire(@PathParam("id") String id) {
        return service.retire(Parameters.uuid("id", id));
    }

    /** Published definitions; {@code all=true} lets a district admin list drafts and retired ones too. */
    @GET
    @Authenticated
    public Uni<List<DefinitionView>> list(@QueryParam("all") String all, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return service.list(Parameters.flag("all", all, false), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<DefinitionView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/versions")
    @Authenticated
    public Uni<List<DefinitionView>> versions(@PathParam("id") String id) {
        return service.versions(Parameters.uuid("id", id));
    }
}
