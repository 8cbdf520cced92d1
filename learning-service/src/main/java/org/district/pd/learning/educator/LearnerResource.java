package org.district.pd.learning.educator;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Lets an LMS or an admin check which educator an LMS identity resolves to before completions are posted. */
@Path("/api/v1/learning/learners")
@SecurityRequirement(name = "SecurityScheme")
public class LearnerResource {

    private final LearnerIdentityRepository identities;
    private final EducatorRepository educators;

    LearnerResource(LearnerIdentityRepository identities, EducatorRepository educators) {
        this.identities = identities;
        this.educators = educators;
    }

    @GET
    @Path("/resolve")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.LMS_INTEGRATION })
    @WithSession
    public Uni<LearnerView> resolve(@QueryParam("email") String email, @QueryParam("sisId") String sisId,
            @QueryParam("lmsAccount") String lmsAccount) {
        LearnerIdentity.Key key = key(email, sisId, lmsAccount);
        return identities.findById(key)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No rostered educator has that " + key.kind()))
                .flatMap(identity -> educators.findById(identity.educatorId))
                .map(LearnerView::of);
    }

    private static LearnerIdentity.Key key(String email, String sisId, String lmsAccount) {
        int given = (blank(email) ? 0 : 1) + (blank(sisId) ? 0 : 1) + (blank(lmsAccount) ? 0 : 1);
        if (given != 1) {
            throw ProblemException.invalid("email", "give exactly one of the query parameters email, sisId, lmsAccount");
        }
        if (!blank(email)) {
            return new LearnerIdentity.Key(Kind.EMAIL, email.strip().toLowerCase(Locale.ROOT));
        }
        return blank(sisId) ? new LearnerIdentity.Key(Kind.LMS_ACCOUNT, lmsAccount.strip())
                : new LearnerIdentity.Key(Kind.SIS_ID, sisId.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
