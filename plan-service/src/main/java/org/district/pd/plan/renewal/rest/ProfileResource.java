package org.district.pd.plan.renewal.rest;

import java.util.List;

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

import org.district.pd.plan.renewal.ProfileService;
import org.district.pd.plan.renewal.RenewalProfile;
import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The renewal rule profiles: everyone who works with licenses reads them, a district admin writes them. */
@Path("/api/v1/plans/renewal-profiles")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class ProfileResource {

    private final ProfileService profiles;

    ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.HR, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<List<ProfileView>> list() {
        return profiles.list().map(all -> all.stream().map(ProfileView::of).toList());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.HR, Roles.PRINCIPAL, Roles.COACH, Roles.TEACHER })
    public Uni<ProfileView> find(@PathParam("code") String code) {
        return profiles.find(code).map(ProfileView::of);
    }

    /** Defines a profile or changes one, the built-in ones too; a license bound to it is evaluated by the change. */
    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<ProfileView> define(@PathParam("code") String code, @Valid @NotNull RenewalProfile profile) {
        return profiles.define(code, profile).map(ProfileView::of);
    }
}
