package org.district.pd.plan.educator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.educator.EducatorProfile;
import org.district.pd.plan.educator.EducatorService;
import org.district.pd.plan.educator.Transcript;
import org.district.pd.plan.pathway.PlanService;
import org.district.pd.plan.pathway.PlanView;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The caller's own plans, profile and transcript. */
@Path("/api/v1/plans/me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class MeResource {

    private final PlanService plans;
    private final EducatorService educators;
    private final PlanAccess access;

    MeResource(PlanService plans, EducatorService educators, PlanAccess access) {
        this.plans = plans;
        this.educators = educators;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.TEACHER, Roles.COACH })
    public Uni<List<PlanView>> plans() {
        return plans.mine();
    }

    @GET
    @Path("profile")
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL })
    public Uni<EducatorProfile> profile() {
        return educators.profile(access.ownEducatorId());
    }

    @GET
    @Path("transcript")
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL })
    public Uni<Transcript> transcript() {
        return educators.transcript(access.ownEducatorId());
    }

    @GET
    @Path("transcript.csv")
    @Produces(EducatorResource.CSV)
    @RolesAllowed({ Roles.TEACHER, Roles.COACH, Roles.PRINCIPAL })
    public Uni<RestResponse<String>> transcriptCsv() {
        return educators.transcript(access.ownEducatorId()).map(TranscriptDownload::of);
    }
}
