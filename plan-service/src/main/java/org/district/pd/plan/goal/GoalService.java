package org.district.pd.plan.goal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.goal.persistence.GoalRepository;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.web.PageRequest;

import io.smallrye.mutiny.Uni;

/**
 * District and school goals: district admins set the district's (and may set any school's), a principal their own
 * school's, optionally aligned to a district goal of the same year. Educators read the district's and their schools'.
 */
@ApplicationScoped
public class GoalService {

    private final GoalRepository goals;
    private final PlanAccess access;
    private final Caller caller;

    GoalService(GoalRepository goals, PlanAccess access, Caller caller) {
        this.goals = goals;
        this.access = access;
        this.caller = caller;
    }

    public Uni<GoalView> create(GoalRequest request) {
        access.authorFor(request.schoolId(), "goals");
        return aligned(request).chain(() -> goals.insert(UUID.randomUUID(), request, caller.name(), Instant.now()));
    }

    /** A goal stays with the school (or the district) it was set for. */
    public Uni<GoalView> update(UUID id, GoalRequest request) {
        return find(id).chain(existing -> {
            access.authorFor(existing.schoolId(), "goals");
            boolean sameLevel = request.schoolId() == null ? existing.schoolId() == null
                    : request.schoolId().equals(existing.schoolId());
            if (!sameLevel) {
                throw ProblemException.invalid("schoolId", "a goal stays with the school or district it was set for");
            }
            return aligned(request).chain(() -> goals.update(id, request, Instant.now()));
        });
    }

    /** A goal of a school the caller is not of is not found, so ids cannot be probed. */
    public Uni<GoalView> find(UUID id) {
        return goals.find(id).map(found -> found.filter(goal -> access.seesTemplate(goal.schoolId()))
                .orElseThrow(() -> ProblemException.notFound("No goal " + id)));
    }

    public Uni<List<GoalView>> list(UUID schoolId, String schoolYear, PageRequest page) {
        return goals.list(access.templateSchools(schoolId).orElse(null), schoolId, schoolYear, page);
    }

    /** Only a school goal aligns, and only to a district goal of the same school year. */
    private Uni<Void> aligned(GoalRequest request) {
        if (request.alignedTo() == null) {
            return Uni.createFrom().voidItem();
        }
        if (request.schoolId() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("alignedTo",
                    "a district goal aligns to nothing; school goals align to it"));
        }
        return goals.find(request.alignedTo()).map(found -> {
            if (found.isEmpty() || found.get().schoolId() != null) {
                throw ProblemException.invalid("alignedTo", "names no district goal");
            }
            if (!found.get().schoolYear().equals(request.schoolYear())) {
                throw ProblemException.invalid("alignedTo", "is a district goal of " + found.get().schoolYear()
                        + ", not " + request.schoolYear());
            }
            return null;
        }).replaceWithVoid();
    }
}
