package org.district.pd.plan.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Roster import from the district's SIS: OneRoster 1.2 orgs.csv and users.csv, as multipart parts or zipped. */
@Path("/api/v1/plans/roster/imports")
@SecurityRequirement(name = "SecurityScheme")
public class RosterResource {

    static final String ZIP = "application/zip";

    private final RosterImportService service;
    private final Vertx vertx;

    RosterResource(RosterImportService service, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<ImportReport> importParts(@RestForm(RosterFiles.ORGS) FileUpload orgs,
            @RestForm(RosterFiles.USERS) FileUpload users) {
        return text(orgs).flatMap(orgsCsv -> text(users).map(usersCsv -> RosterFiles.read(orgsCsv, usersCsv)))
                .flatMap(service::importRoster);
    }

    @POST
    @Consumes(ZIP)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<ImportReport> importZip(byte[] zip) {
        return service.importRoster(RosterFiles.fromZip(zip));
    }

    /** Reads an uploaded part without blocking the event loop; null when the part is absent. */
    private Uni<String> text(FileUpload upload) {
        if (upload == null) {
            return Uni.createFrom().nullItem();
        }
        return vertx.fileSystem().readFile(upload.uploadedFile().toString()).map(buffer -> buffer.toString("UTF-8"));
    }
}
