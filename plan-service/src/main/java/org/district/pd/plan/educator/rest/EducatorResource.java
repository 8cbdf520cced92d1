package org.district.pd.plan.educator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.educator.EducatorProfile;
import org.district.pd.plan.educator.EducatorService;
import org.district.pd.plan.educator.LicenseRequest;
import org.district.pd.plan.educator.Transcript;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** An educator's profile, license and transcript: their own, their principal's, HR's and district admins'. */
@Path("/api/v1/plans/educators")
@SecurityRequirement(name = "SecurityScheme")
public class EducatorResource {

    static final String CSV = "text/csv";

    private final EducatorService educators;

    EducatorResource(EducatorService educators) {
        this.educators = educators;
    }

    @GET
    @Path("{educatorId}/profile")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL, Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<EducatorProfile> profile(@PathParam("educatorId") String educatorId) {
        return educators.profile(Parameters.uuid("educatorId", educatorId));
    }

    @PUT
    @Path("{educatorId}/license")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<EducatorProfile> setLicense(@PathParam("educatorId") String educatorId,
            @Valid @NotNull LicenseRequest license) {
        return educators.setLicense(Parameters.uuid("educatorId", educatorId), license);
    }

    @GET
    @Path("{educatorId}/transcript")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL, Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<Transcript> transcript(@PathParam("educatorId") String educatorId) {
        return educators.transcript(Parameters.uuid("educatorId", educatorId));
    }

    @GET
    @Path("{educatorId}/transcript.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL, Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<RestResponse<String>> transcriptCsv(@PathParam("educatorId") String educatorId) {
        return educators.transcript(Parameters.uuid("educatorId", educatorId)).map(TranscriptDownload::of);
    }
}
