package org.district.pd.plan.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;

/** The ownership rules of plan-service: which educators a caller may see beyond what their role allows at all. */
@RequestScoped
public class PlanAccess {

    private final Caller caller;

    PlanAccess(Caller caller) {
        this.caller = caller;
    }

    /**
     * The schools whose educators a report may cover; empty means the whole district. HR and district admins see
     * every school, a principal only the schools in their token, and a school they do not lead is a 403.
     */
    public Optional<Set<UUID>> reportSchools(UUID requestedSchoolId) {
        if (caller.is(Roles.HR) || caller.is(Roles.DISTRICT_ADMIN)) {
            return requestedSchoolId == null ? Optional.empty() : Optional.of(Set.of(requestedSchoolId));
        }
        if (!caller.is(Roles.PRINCIPAL)) {
            throw ProblemException.forbidden("Your role does not allow reports");
        }
        Set<UUID> own = caller.schoolIds();
        if (requestedSchoolId == null) {
            return Optional.of(own);
        }
        if (!own.contains(requestedSchoolId)) {
            throw ProblemException.forbidden("A principal sees reports of their own school(s) only");
        }
        return Optional.of(Set.of(requestedSchoolId));
    }

    /**
     * Whether the caller may write a template for {@code schoolId} (null: district-wide): a district admin for any,
     * a principal for their own school(s) only.
     */
    public void authorTemplate(UUID schoolId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        if (!caller.is(Roles.PRINCIPAL)) {
            throw ProblemException.forbidden("Your role does not allow writing templates");
        }
        if (schoolId == null || !caller.schoolIds().contains(schoolId)) {
            throw ProblemException.forbidden("A principal writes templates for their own school(s) only; "
                    + "district-wide ones are the district admin's");
        }
    }

    /** Whether the caller sees the templates of {@code schoolId}: district-wide ones everyone may read. */
    public boolean seesTemplate(UUID schoolId) {
        return schoolId == null || caller.is(Roles.DISTRICT_ADMIN) || caller.schoolIds().contains(schoolId);
    }

    /**
     * The schools whose templates a list shows besides district-wide ones; empty means every school. Asking for a
     * school the caller does not belong to is a 403.
     */
    public Optional<Set<UUID>> templateSchools(UUID requestedSchoolId) {
        if (requestedSchoolId != null && !seesTemplate(requestedSchoolId)) {
            throw ProblemException.forbidden("You see the templates of your own school(s) and the district's only");
        }
        return caller.is(Roles.DISTRICT_ADMIN) ? Optional.empty() : Optional.of(caller.schoolIds());
    }
}
