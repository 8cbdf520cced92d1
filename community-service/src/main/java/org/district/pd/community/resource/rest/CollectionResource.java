package org.district.pd.community.resource.rest;

import java.util.List;

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

import org.district.pd.community.resource.CollectionService;
import org.district.pd.community.resource.CollectionService.CollectionDetail;
import org.district.pd.community.resource.CollectionService.CollectionView;
import org.district.pd.community.resource.rest.ResourceBodies.CollectionItem;
import org.district.pd.community.resource.rest.ResourceBodies.NewCollection;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The caller's own collections of resources. */
@Path("/api/v1/community/collections")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class CollectionResource {

    private final CollectionService collections;

    CollectionResource(CollectionService collections) {
        this.collections = collections;
    }

    /** The caller's own collections. */
    @GET
    public Uni<List<CollectionView>> myCollections() {
        return collections.mine();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CollectionView> create(@NotNull @Valid NewCollection body) {
        return collections.create(body);
    }

    @GET
    @Path("/{id}")
    public Uni<CollectionDetail> collection(@PathParam("id") String id) {
        return collections.get(Parameters.uuid("id", id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") String id) {
        return collections.delete(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CollectionDetail> add(@PathParam("id") String id, @NotNull @Valid CollectionItem item) {
        return collections.add(Parameters.uuid("id", id), item.resourceId());
    }

    @DELETE
    @Path("/{id}/items/{resourceId}")
    public Uni<CollectionDetail> remove(@PathParam("id") String id, @PathParam("resourceId") String resourceId) {
        return collections.remove(Parameters.uuid("id", id), Parameters.uuid("resourceId", resourceId));
    }
}
