package org.district.pd.plan.security;

import java.util.Collection;
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
        authorFor(schoolId, "templates");
    }

    /**
     * Whether the caller may write {@code what} (templates, goals) for {@code schoolId} (null: the district's): a
     * district admin for any, a principal for their own school(s) only.
     */
    public void authorFor(UUID schoolId, String what) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        if (!caller.is(Roles.PRINCIPAL)) {
            throw ProblemException.forbidden("Your role does not allow writing " + what);
        }
        if (schoolId == null || !caller.schoolIds().contains(schoolId)) {
            throw ProblemException.forbidden("A principal writes " + what + " for their own school(s) only; "
                    + "the district's are the district admin's");
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

    /**
     * Whether the caller may put an educator of {@code educatorSchools} on a template of {@code templateSchool}: a
     * district admin anyone on any template, a principal their own schools' teachers on the district's templates or
     * their school's. Unknown and out-of-reach educators get the same answer, so ids cannot be probed.
     */
    public void createPlan(Set<UUID> educatorSchools, UUID templateSchool) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return;
        }
        boolean ownTeacher = caller.is(Roles.PRINCIPAL) && educatorSchools.stream().anyMatch(caller.schoolIds()::contains);
        if (!ownTeacher) {
            throw ProblemException.invalid("educatorId", "names no educator of your school(s) in the directory");
        }
        if (templateSchool != null && !caller.schoolIds().contains(templateSchool)) {
            throw ProblemException.invalid("templateId", "names no template of your school(s) or the district");
        }
    }

    /**
     * Whether the caller may read a plan of {@code educatorId} coached by {@code coachId}: the teacher theirs, their
     * coach those of the teachers assigned to them, a principal those of their schools' teachers, a district admin all.
     * The caller gets a 404 for any other, so plan ids cannot be probed.
     */
    public boolean seesPlanOf(UUID educatorId, Set<UUID> educatorSchools, UUID coachId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return true;
        }
        Optional<UUID> self = caller.educatorId();
        if (self.filter(educatorId::equals).isPresent()) {
            return true;
        }
        if (caller.is(Roles.COACH) && coachId != null && self.filter(coachId::equals).isPresent()) {
            return true;
        }
        return leads(educatorSchools);
    }

    /** Which plans a list may show: those of some schools (null: every one), or of one coach's teachers. */
    public record PlanScope(Set<UUID> schools, UUID coachId) {
    }

    /**
     * The plans the caller may list: a district admin all (or one school's), a principal their schools' (asking for
     * another school is a 403), a coach those of the teachers assigned to them. A teacher reads their own at /me.
     */
    public PlanScope planScope(UUID requestedSchoolId) {
        if (caller.is(Roles.DISTRICT_ADMIN)) {
            return new PlanScope(requestedSchoolId == null ? null : Set.of(requestedSchoolId), null);
        }
        if (caller.is(Roles.PRINCIPAL)) {
            if (requestedSchoolId != null && !caller.schoolIds().contains(requestedSchoolId)) {
                throw ProblemException.forbidden("A principal lists the plans of their own school(s) only");
            }
            return new PlanScope(requestedSchoolId == null ? caller.schoolIds() : Set.of(requestedSchoolId), null);
        }
        if (caller.is(Roles.COACH) && caller.educatorId().isPresent()) {
            return new PlanScope(requestedSchoolId == null ? null : Set.of(requestedSchoolId),
                    caller.educatorId().get());
        }
        throw ProblemException.forbidden("Principals, coaches and district admins list plans; a teacher reads theirs "
                + "at /api/v1/plans/me");
    }

    /**
     * Whether the caller reads an educator's profile, license, renewal status and transcript: the educator their own,
     * HR and district admins anyone's, a principal those of their schools' educators. Anyone else gets a 404, so
     * educator ids cannot be probed.
     */
    public boolean seesEducator(UUID educatorId, Collection<UUID> educatorSchools) {
        if (caller.is(Roles.DISTRICT_ADMIN) || caller.is(Roles.HR)) {
            return true;
        }
        return caller.educatorId().filter(educatorId::equals).isPresent() || leads(educatorSchools);
    }

    /** A coach is assigned by a principal of the teacher's school or a district admin. */
    public void assignCoach(Set<UUID> educatorSchools) {
        if (!caller.is(Roles.DISTRICT_ADMIN) && !leads(educatorSchools)) {
            throw ProblemException.forbidden("A coach is assigned by the teacher's principal or a district admin");
        }
    }

    /** Only the plan's own teacher writes its reflections and asks for a coach. */
    public void ownPlan(UUID educatorId) {
        if (caller.educatorId().filter(educatorId::equals).isEmpty()) {
            throw ProblemException.forbidden("Only the plan's teacher may do this");
        }
    }

    /** Only the coach assigned to the plan records its check-ins and signs its milestones off. */
    public void coachOf(UUID coachId) {
        if (!caller.is(Roles.COACH) || coachId == null || caller.educatorId().filter(coachId::equals).isEmpty()) {
            throw ProblemException.forbidden("Only the coach assigned to this plan may do this");
        }
    }

    private boolean leads(Collection<UUID> educatorSchools) {
        return caller.is(Roles.PRINCIPAL) && educatorSchools.stream().anyMatch(caller.schoolIds()::contains);
    }

    /** The caller's own educator id, for their own plans; a caller who is not an educator has none to read. */
    public UUID ownEducatorId() {
        return caller.educatorId().orElseThrow(() -> ProblemException.forbidden("Only an educator has plans of their own"));
    }
}
