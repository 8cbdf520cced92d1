package org.district.pd.plan.educator.rest;

import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.educator.LicenseImport;
import org.district.pd.plan.educator.LicenseImportService;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
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

    /**
     * The multipart part {@code licenses} is on disk already; it is read on a worker thread, batch by batch. Answers
     * 201 with the import's counts and where its rows report is.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<RestResponse<LicenseImport>> importFile(@RestForm("licenses") FileUpload licenses) {
        if (licenses == null) {
            throw ProblemException.invalid("licenses", "is required: the CSV file as the multipart part 'licenses'");
        }
        String by = caller.name();
        UUID id = UUID.randomUUID();
        // A relative Location, as a plain header, so it holds through the gateway.
        return vertx.executeBlocking(() -> imports.importFile(id, licenses.uploadedFile(), by))
                .map(done -> RestResponse.ResponseBuilder.<LicenseImport>create(RestResponse.Status.CREATED, done)
                        .header(HttpHeaders.LOCATION, "/api/v1/plans/licenses/imports/" + id).build());
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<LicenseImport> find(@PathParam("id") String id) {
        return imports.find(Parameters.uuid("id", id));
    }

    /** Every row of the file in line order, a page at a time: accepted, or rejected with the field and why. */
    @GET
    @Path("imports/{id}/rows")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<LicenseImport.RowPage> rows(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return imports.rows(Parameters.uuid("id", id), PageRequest.of(page, size));
    }
}
