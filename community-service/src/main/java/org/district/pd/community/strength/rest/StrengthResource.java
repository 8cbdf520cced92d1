package org.district.pd.community.strength.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.security.People;
import org.district.pd.community.strength.StrengthService;
import org.district.pd.community.strength.StrengthService.EndorsementView;
import org.district.pd.community.strength.StrengthService.ProfileView;
import org.district.pd.community.strength.StrengthService.StrengthView;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The strengths taxonomy, educators' strength profiles, and endorsements by colleagues. */
@Path("/api/v1/community/strengths")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class StrengthResource {

    /** A strength from the taxonomy (its key, e.g. assessment-design), with a short note on what was seen. */
    public record Endorsement(@NotBlank @Size(max = 40) String strength, @Size(max = 500) String note) {
    }

    private final StrengthService strengths;

    StrengthResource(StrengthService strengths) {
        this.strengths = strengths;
    }

    @GET
    public List<StrengthView> taxonomy() {
        return strengths.taxonomy();
    }

    /** An educator's strength profile: what colleagues endorsed, the most endorsed first, with recent notes. */
    @GET
    @Path("/profiles/{educatorId}")
    public Uni<ProfileView> profile(@PathParam("educatorId") String educatorId) {
        return strengths.profile(Parameters.uuid("educatorId", educatorId));
    }

    /** A colleague endorses one of the educator's strengths. */
    @POST
    @Path("/profiles/{educatorId}/endorsements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EndorsementView> endorse(@PathParam("educatorId") String educatorId,
            @NotNull @Valid Endorsement body) {
        return strengths.endorse(Parameters.uuid("educatorId", educatorId), body.strength(), body.note());
    }
}
