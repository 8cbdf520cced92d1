package org.district.pd.learning.educator;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/**
 * Lets an LMS or an admin check which educator an LMS identity resolves to before completions are posted, and admins
 * see the identities two rostered educators both claim.
 */
@Path("/api/v1/learning/learners")
@SecurityRequirement(name = "SecurityScheme")
public class LearnerResource {

    private final LearnerIdentityRepository identities;
    private final EducatorRepository educators;
    private final IdentityConflictRepository conflicts;
    private final LearnerLinks links;

    LearnerResource(LearnerIdentityRepository identities, EducatorRepository educators,
            IdentityConflictRepository conflicts, LearnerLinks links) {
        this.identities = identities;
        this.educators = educators;
        this.conflicts = conflicts;
        this.links = links;
    }

    /** Links an identity from the unmatched queue to an educator and releases what was held for it. */
    @POST
    @Path("/links")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<LinkView> link(@NotNull @Valid NewLink request) {
        return links.link(request);
    }

    @GET
    @Path("/resolve")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.LMS_INTEGRATION })
    @WithSession
    public Uni<LearnerView> resolve(@QueryParam("email") String email, @QueryParam("sisId") String sisId,
            @QueryParam("lmsAccount") String lmsAccount) {
        LearnerIdentity.Key key = NamedIdentity.of(email, sisId, lmsAccount,
                "the query parameters email, sisId, lmsAccount");
        return identities.findById(key)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No rostered educator has that " + key.kind()))
                .flatMap(identity -> educators.findById(identity.educatorId))
                .map(LearnerView::of);
    }

    /** {@code status} is open (the default), resolved or all. */
    @GET
    @Path("/identity-conflicts")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @WithSession
    public Uni<IdentityConflictPage> identityConflicts(
            @QueryParam("status") @DefaultValue("open")
            @Pattern(regexp = "open|resolved|all", message = "must be open, resolved or all") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Boolean open = status.equals("all") ? null : status.equals("open");
        PageRequest paging = PageRequest.of(page, size);
        return conflicts.page(open, Page.of(paging.page(), paging.size()))
                .flatMap(items -> conflicts.count(open).map(total -> new IdentityConflictPage(paging.page(),
                        paging.size(), total,
                        items.stream().map(IdentityConflictView::of).toList())));
    }
}
