package org.district.pd.learning.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.OfferingStatus;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;

/** The ownership rules of learning-service: whose offerings, sessions, registrations and ratings a caller may touch. */
@RequestScoped
public class LearningAccess {

    private final Caller caller;

    LearningAccess(Caller caller) {
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

    /**
     * Whether the caller may write an offering of {@code schoolId} (null: the district's): a district admin any, a
     * principal their own school's only.
     */
    public void authorOffering(UUID schoolId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        if (!caller.is(Roles.PRINCIPAL)) {
            throw ProblemException.forbidden("Your role does not allow writing offerings");
        }
        if (schoolId == null || !caller.schoolIds().contains(schoolId)) {
            throw ProblemException.forbidden("A principal writes offerings for their own school(s) only; "
                    + "the district's are the district admin's");
        }
    }

    public boolean authors(Offering offering) {
        return caller.is(Roles.DISTRICT_ADMIN)
                || caller.is(Roles.PRINCIPAL) && offering.schoolId != null
                        && caller.schoolIds().contains(offering.schoolId);
    }

    /** Published and retired offerings are everyone's to read; a draft only its authors'. */
    public boolean sees(Offering offering) {
        return offering.status != OfferingStatus.DRAFT || authors(offering);
    }

    /**
     * The schools whose offerings a search shows besides the district's; empty means every school. District admins
     * and HR see all, everyone else the schools in their token. Only authors list drafts and retired offerings, and a
     * principal only their own school's.
     */
    public Optional<Set<UUID>> searchSchools(OfferingStatus status) {
        boolean everySchool = caller.is(Roles.DISTRICT_ADMIN) || caller.is(Roles.HR);
        if (status == OfferingStatus.PUBLISHED) {
            return everySchool ? Optional.empty() : Optional.of(caller.schoolIds());
        }
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return Optional.empty();
        }
        if (caller.is(Roles.PRINCIPAL)) {
            return Optional.of(caller.schoolIds());
        }
        throw ProblemException.forbidden("Only authors list " + status + " offerings");
    }

    /** Whether a search shows the district's offerings: always when published, else to district admins only. */
    public boolean seesDistrictOfferings(OfferingStatus status) {
        return status == OfferingStatus.PUBLISHED || caller.is(Roles.DISTRICT_ADMIN);
    }

    /** Whether the caller may ask for a school's offerings: their own school, or any for admins and HR. */
    public void searchSchool(UUID schoolId) {
        if (!caller.is(Roles.DISTRICT_ADMIN) && !caller.is(Roles.HR) && !caller.schoolIds().contains(schoolId)) {
            throw ProblemException.forbidden("You see the offerings of your own school(s) and the district's only");
        }
    }

    /** A school's offering is for its own staff: others may read it, but not register or take part. */
    public void takePart(Offering offering) {
        if (offering.schoolId != null && !caller.schoolIds().contains(offering.schoolId)) {
            throw ProblemException.forbidden("This offering is for the staff of its school only");
        }
    }

    /** A session's check-in codes and attendance are its facilitator's and the district admin's. */
    public void runSession(UUID facilitatorId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        if (!caller.is(Roles.FACILITATOR) || !facilitatorId.equals(caller.educatorId().orElse(null))) {
            throw ProblemException.forbidden("Only the session's facilitator runs its check-in and attendance");
        }
    }

    /** A session's roster is its facilitator's, its school principal's and the district admin's to read. */
    public void readRoster(UUID facilitatorId, Offering offering) {
        if (authors(offering)) {
            return;
        }
        runSession(facilitatorId);
    }

    /**
     * The school whose principal decides a teacher's outside-PD request: the one named, which must be the teacher's,
     * or the teacher's only school.
     */
    public UUID requestSchool(UUID requested) {
        Set<UUID> own = caller.schoolIds();
        if (requested != null) {
            if (!own.contains(requested)) {
                throw ProblemException.invalid("schoolId", "is not one of your schools");
            }
            return requested;
        }
        if (own.size() != 1) {
            throw ProblemException.invalid("schoolId", own.isEmpty() ? "your token names no school"
                    : "is required: you belong to " + own.size() + " schools; name the one whose principal decides");
        }
        return own.iterator().next();
    }

    /** The principal of the request's school decides it, or a district admin; no one decides their own. */
    public void decideOutsideRequest(UUID educatorId, UUID schoolId) {
        if (educatorId.equals(educatorOrNull())) {
            throw ProblemException.forbidden("No one decides their own request");
        }
        if (caller.is(Roles.DISTRICT_ADMIN) || caller.is(Roles.PRINCIPAL) && caller.schoolIds().contains(schoolId)) {
            return;
        }
        throw ProblemException.forbidden("The principal of the request's school decides it");
    }

    /** A request is its teacher's, their school principal's and the district admin's to read. */
    public boolean readsOutsideRequest(UUID educatorId, UUID schoolId) {
        return educatorId.equals(educatorOrNull()) || caller.is(Roles.DISTRICT_ADMIN)
                || caller.is(Roles.PRINCIPAL) && caller.schoolIds().contains(schoolId);
    }

    /**
     * Whose requests a list shows: a district admin every school's (or the one asked for), a principal their own
     * schools' (asking for another is a 403), anyone else their own only.
     */
    public RequestScope outsideRequests(UUID requestedSchoolId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return new RequestScope(null, requestedSchoolId == null ? Optional.empty()
                    : Optional.of(Set.of(requestedSchoolId)));
        }
        if (caller.is(Roles.PRINCIPAL)) {
            if (requestedSchoolId != null && !caller.schoolIds().contains(requestedSchoolId)) {
                throw ProblemException.forbidden("A principal sees the requests of their own school(s) only");
            }
            return new RequestScope(null, Optional.of(requestedSchoolId == null ? caller.schoolIds()
                    : Set.of(requestedSchoolId)));
        }
        if (requestedSchoolId != null) {
            throw ProblemException.forbidden("A teacher sees their own requests only");
        }
        return new RequestScope(educator(), Optional.empty());
    }

    /** One educator's requests (when {@code educatorId} is set), or those of some schools (empty: every school). */
    public record RequestScope(UUID educatorId, Optional<Set<UUID>> schools) {
    }
}
