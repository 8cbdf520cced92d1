package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.goal.persistence.GoalRepository;
import org.district.pd.plan.pathway.persistence.PlanRepository;
import org.district.pd.plan.pathway.persistence.PlanRepository.StoredIntent;
import org.district.pd.plan.pathway.persistence.PlanRepository.StoredPlan;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The teacher's goals and milestone choices for their plan's open cycle. Each goal may link to a district goal or one
 * of the teacher's schools'; a choice must be an optional milestone of a stage that asks for any K.
 */
@ApplicationScoped
public class PlanIntentService {

    private final PlanService plans;
    private final PlanRepository repository;
    private final GoalRepository goals;
    private final PlanAccess access;

    PlanIntentService(PlanService plans, PlanRepository repository, GoalRepository goals, PlanAccess access) {
        this.plans = plans;
        this.repository = repository;
        this.goals = goals;
        this.access = access;
    }

    public Uni<PlanView> writeGoals(UUID planId, PlanIntent.Goals written) {
        return plans.readable(planId).chain(plan -> {
            access.ownPlan(plan.educatorId());
            return linkable(plan, written.goals()).chain(() -> repository.saveIntent(planId, openCycle(plan),
                    written.goals(), current(plan).choices(), Instant.now()));
        }).chain(() -> plans.find(planId));
    }

    public Uni<PlanView> choose(UUID planId, PlanIntent.Choices chosen) {
        return plans.readable(planId).chain(plan -> {
            access.ownPlan(plan.educatorId());
            List<Violation> violations = choiceViolations(plan.template(), chosen.milestones());
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return repository.saveIntent(planId, openCycle(plan), current(plan).goals(), chosen.milestones(),
                    Instant.now());
        }).chain(() -> plans.find(planId));
    }

    /** Each linked goal must be the district's or of one of the teacher's schools. */
    private Uni<Void> linkable(StoredPlan plan, List<PlanIntent.Goal> written) {
        List<Integer> linked = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).linkedGoalId() != null) {
                linked.add(i);
            }
        }
        return Multi.createFrom().iterable(linked).onItem().transformToUniAndConcatenate(i -> goals
                .find(written.get(i).linkedGoalId()).invoke(found -> {
                    boolean reachable = found.isPresent() && (found.get().schoolId() == null
                            || plan.educatorSchools().contains(found.get().schoolId()));
                    if (!reachable) {
                        throw ProblemException.invalid("goals[" + i + "].linkedGoalId",
                                "names no goal of the district or of your school(s)");
                    }
                })).collect().last().replaceWithVoid();
    }

    static List<Violation> choiceViolations(Template template, List<String> chosen) {
        Set<String> choosable = new HashSet<>();
        template.stages().stream().filter(stage -> stage.choose() != null)
                .forEach(stage -> stage.milestones().stream().filter(milestone -> !milestone.required())
                        .forEach(milestone -> choosable.add(milestone.key())));
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            String key = chosen.get(i);
            if (!choosable.contains(key)) {
                violations.add(new Violation("milestones[" + i + "]",
                        "is not an optional milestone of a stage that leaves the choice to you"));
            } else if (!seen.add(key)) {
                violations.add(new Violation("milestones[" + i + "]", "is chosen twice"));
            }
        }
        return violations;
    }

    private static int openCycle(StoredPlan plan) {
        return plan.state() == null || plan.state().current() == null ? 1 : plan.state().current().number();
    }

    private static StoredIntent current(StoredPlan plan) {
        return plan.intent() == null ? new StoredIntent(openCycle(plan), List.of(), List.of()) : plan.intent();
    }
}
