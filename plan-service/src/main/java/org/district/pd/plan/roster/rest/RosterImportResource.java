package org.district.pd.plan.roster.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.roster.ImportRowPage;
import org.district.pd.plan.roster.ImportView;
import org.district.pd.plan.roster.RosterImportService;
import org.district.pd.plan.roster.RosterUpload;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Roster imports from the district's SIS: a OneRoster 1.1 or 1.2 bundle, as multipart parts or zipped. The answer
 * is a 202 with the import to follow; the import itself runs in the background.
 */
@Path(RosterImportResource.IMPORTS)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class RosterImportResource {

    static final String IMPORTS = "/api/v1/plans/roster/imports";
    static final String ZIP = "application/zip";

    private final RosterImportService service;
    private final Caller caller;
    private final Vertx vertx;

    RosterImportResource(RosterImportService service, Caller caller, Vertx vertx) {
        this.service = service;
        this.caller = caller;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<RestResponse<ImportView>> importParts(@RestForm(RosterUpload.MANIFEST) FileUpload manifest,
            @RestForm(RosterUpload.ORGS) FileUpload orgs, @RestForm(RosterUpload.USERS) FileUpload users,
            @RestForm(RosterUpload.ROLES) FileUpload roles,
            @RestForm(RosterUpload.USER_PROFILES) FileUpload userProfiles) {
        RosterUpload upload = service.newUpload();
        List<Part> parts = List.of(new Part(RosterUpload.MANIFEST, manifest), new Part(RosterUpload.ORGS, orgs),
                new Part(RosterUpload.USERS, users), new Part(RosterUpload.ROLES, roles),
                new Part(RosterUpload.USER_PROFILES, userProfiles));
        // The parts are on disk already; moving them into the import's folder keeps them until the import ends.
        Uni<Void> kept = vertx.fileSystem().mkdirs(upload.folder().toString())
                .chain(() -> Multi.createFrom().iterable(parts).filter(part -> part.file() != null)
                        .onItem().transformToUniAndConcatenate(part -> vertx.fileSystem().move(
                                part.file().uploadedFile().toString(), upload.path(part.name()).toString()))
                        .collect().last().replaceWithVoid());
        return kept.chain(() -> start(upload));
    }

    @POST
    @Consumes(ZIP)
    public Uni<RestResponse<ImportView>> importZip(byte[] zip) {
        RosterUpload upload = service.newUpload();
        return vertx.executeBlocking(() -> {
            upload.unzip(zip);
            return upload;
        }).onFailure().call(() -> vertx.executeBlocking(() -> {
            upload.delete();
            return null;
        })).chain(this::start);
    }

    @GET
    public Uni<List<ImportView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public Uni<ImportView> get(@PathParam("id") String id) {
        return service.find(Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/rows")
    public Uni<ImportRowPage> rows(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.rows(Parameters.uuid("id", id), PageRequest.of(page, size));
    }

    private Uni<RestResponse<ImportView>> start(RosterUpload upload) {
        // A relative Location, set as a plain header: location(URI) would make it absolute with this service's own
        // address, which is wrong for a caller that came through the gateway.
        return service.start(upload, caller.name()).map(view -> RestResponse.ResponseBuilder
                .<ImportView>create(RestResponse.Status.ACCEPTED, view)
                .header(HttpHeaders.LOCATION, IMPORTS + "/" + view.id()).build());
    }

    private record Part(String name, FileUpload file) {
    }
}
