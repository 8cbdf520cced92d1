package org.district.pd.plan.educator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.educator.LicenseImport;
import org.district.pd.plan.educator.LicenseImportService;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** HR's license file: each row sets one educator's license, and the answer says what became of every row. */
@Path("/api/v1/plans/licenses")
@SecurityRequirement(name = "SecurityScheme")
public class LicenseImportResource {

    private final LicenseImportService imports;
    private final Caller caller;
    private final Vertx vertx;

    LicenseImportResource(LicenseImportService imports, Caller caller, Vertx vertx) {
        this.imports = imports;
        this.caller = caller;
        this.vertx = vertx;
    }

    /** The multipart part {@code licenses} is on disk already; it is read on a worker thread, batch by batch. */
    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<LicenseImport> importFile(@RestForm("licenses") FileUpload licenses) {
        if (licenses == null) {
            throw ProblemException.invalid("licenses", "is required: the CSV file as the multipart part 'licenses'");
        }
        String by = caller.name();
        return vertx.executeBlocking(() -> imports.importFile(licenses.uploadedFile(), by));
    }
}
