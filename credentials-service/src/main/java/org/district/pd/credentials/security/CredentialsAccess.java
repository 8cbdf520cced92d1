package org.district.pd.credentials.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;

/**
 * The ownership rules of credentials-service: a teacher their own submissions and awards, an assessor the submissions
 * assigned to them, a principal their schools' teachers' awards, a district admin everything.
 */
@RequestScoped
public class CredentialsAccess {

    private final Caller caller;

    CredentialsAccess(Caller caller) {
        this.caller = caller;
    }

    /** The educator the caller is; a token without one (a machine client) may not act as an educator. */
    public UUID educator() {
        return caller.educatorId().orElseThrow(() -> ProblemException.forbidden("Your token names no educator"));
    }

    /** The educator the caller is, or null for a token that names none. */
    public UUID educatorOrNull() {
        return caller.educatorId().orElse(null);
    }

    public String name() {
        return caller.name();
    }

    public boolean isDistrictAdmin() {
        return caller.is(Roles.DISTRICT_ADMIN);
    }

    public boolean isPrincipal() {
        return caller.is(Roles.PRINCIPAL);
    }

    /** The schools in the caller's token. */
    public Set<UUID> schoolIds() {
        return caller.schoolIds();
    }

    public boolean isAssessor() {
        return caller.is(Roles.ASSESSOR);
    }

    /** Whether the caller may read what belongs to this educator of these schools (awards, submissions' outcome). */
    public boolean reads(UUID educatorId, Set<UUID> schools) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return true;
        }
        if (caller.educatorId().filter(educatorId::equals).isPresent()) {
            return true;
        }
        return caller.is(Roles.PRINCIPAL) && schools.stream().anyMatch(caller.schoolIds()::contains);
    }

    /** A principal of one of the educator's schools, or a district admin, decides on an imported credential. */
    public void decideImport(Set<UUID> schools) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        if (!caller.is(Roles.PRINCIPAL) || schools.stream().noneMatch(caller.schoolIds()::contains)) {
            throw ProblemException.forbidden("An imported credential is approved by a principal of the teacher's "
                    + "school or a district admin");
        }
    }
}
