package org.district.pd.plan.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.CoachingRequests.CheckIn;
import org.district.pd.plan.pathway.CoachingRequests.CoachAssignment;
import org.district.pd.plan.pathway.CoachingRequests.CoachRequest;
import org.district.pd.plan.pathway.CoachingRequests.Reflection;
import org.district.pd.plan.pathway.CoachingRequests.SignOff;
import org.district.pd.plan.messaging.Topics;
import org.district.pd.plan.messaging.events.CoachAssigned;
import org.district.pd.plan.pathway.persistence.FactRepository;
import org.district.pd.plan.pathway.persistence.PlanRepository;
import org.district.pd.plan.pathway.persistence.PlanRepository.StoredPlan;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Coaching on a plan: who coaches it, and what coach and teacher write on it. Check-ins, sign-offs and reflections
 * are facts of the plan, so they count for its milestones and appear on its timeline like any event.
 */
@ApplicationScoped
public class CoachingService {

    private final PlanService plans;
    private final PlanRepository repository;
    private final FactRepository facts;
    private final PlanRefresher refresher;
    private final PlanAccess access;
    private final Caller caller;
    private final Pool pool;
    private final Outbox outbox;

    CoachingService(PlanService plans, PlanRepository repository, FactRepository facts, PlanRefresher refresher,
            PlanAccess access, Caller caller, Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
        this.plans = plans;
        this.repository = repository;
        this.facts = facts;
        this.refresher = refresher;
        this.access = access;
        this.caller = caller;
    }

    public Uni<PlanView> assignCoach(UUID planId, CoachAssignment assignment) {
        return plans.readable(planId).chain(plan -> {
            access.assignCoach(plan.educatorSchools());
            if (assignment.coachId().equals(plan.educatorId())) {
                throw ProblemException.invalid("coachId", "is the plan's own teacher");
            }
            return repository.educatorSchools(assignment.coachId()).chain(coach -> {
                if (coach.isEmpty()) {
                    throw ProblemException.invalid("coachId", "names no educator in the directory");
                }
                Instant now = Instant.now();
                CoachAssigned event = new CoachAssigned(planId, plan.educatorId(), assignment.coachId(), now);
                return pool.withTransaction(transaction -> repository.assignCoach(transaction, planId,
                        assignment.coachId()).call(() -> outbox.appendEach(transaction, Topics.PLAN_EVENTS,
                                List.of(new Outbox.Event(CoachAssigned.TYPE, plan.educatorId(), now, event)))));
            });
        }).chain(() -> plans.find(planId));
    }

    public Uni<PlanView> requestCoach(UUID planId, CoachRequest request) {
        return plans.readable(planId).chain(plan -> {
            access.ownPlan(plan.educatorId());
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("coachId", request.coachId());
            asked.put("note", request.note());
            asked.put("requestedAt", Instant.now().toString());
            return repository.requestCoach(planId, asked);
        }).chain(() -> plans.find(planId));
    }

    public Uni<PlanView> checkIn(UUID planId, CheckIn checkIn) {
        return plans.readable(planId).chain(plan -> {
            access.coachOf(plan.coachId());
            LocalDate day = checkIn.date() == null ? LocalDate.now(ZoneOffset.UTC) : checkIn.date();
            Map<String, Object> detail = written();
            detail.put("date", day.toString());
            detail.put("notes", checkIn.notes());
            detail.put("nextSteps", checkIn.nextSteps());
            return record(plan, Fact.checkIn("check-in:" + UUID.randomUUID(), Instant.now()), detail);
        });
    }

    public Uni<PlanView> signOff(UUID planId, String milestone, SignOff signOff) {
        return plans.readable(planId).chain(plan -> {
            access.coachOf(plan.coachId());
            requireMilestone(plan, milestone, Rule.CoachSignOff.class, "milestone", "a coach sign-off");
            Map<String, Object> detail = written();
            detail.put("note", signOff == null ? null : signOff.note());
            return record(plan, Fact.signOff("sign-off:" + UUID.randomUUID(), Instant.now(), milestone), detail);
        });
    }

    public Uni<PlanView> reflect(UUID planId, Reflection reflection) {
        return plans.readable(planId).chain(plan -> {
            access.ownPlan(plan.educatorId());
            if (reflection.milestone() != null) {
                requireMilestone(plan, reflection.milestone(), Rule.Reflection.class, "milestone", "a reflection");
            }
            Map<String, Object> detail = written();
            detail.put("tried", reflection.tried());
            detail.put("why", reflection.why());
            detail.put("forStudents", reflection.forStudents());
            return record(plan, Fact.reflection("reflection:" + UUID.randomUUID(), Instant.now(),
                    reflection.milestone()), detail);
        });
    }

    /** Who wrote it, as the timeline shows them. */
    private Map<String, Object> written() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("by", caller.name());
        return detail;
    }

    /**
     * The fact, for this plan only, then the plan evaluated with it; should the evaluation fail, the fact stands and
     * the refresher evaluates the plan within moments.
     */
    private Uni<PlanView> record(StoredPlan plan, Fact fact, Map<String, Object> detail) {
        return Panache.withTransaction(() -> facts.record(plan.educatorId(), plan.id(), fact, detail))
                .chain(() -> refresher.refreshNow(List.of(plan.id())).onFailure().recoverWithNull())
                .chain(() -> plans.find(plan.id()));
    }

    /** The milestone must be in the template version the plan's open cycle runs on, and of the given rule. */
    private static void requireMilestone(StoredPlan plan, String key, Class<? extends Rule> rule, String field,
            String what) {
        Optional<Milestone> found = plan.template().stages().stream().flatMap(stage -> stage.milestones().stream())
                .filter(milestone -> milestone.key().equals(key)).findFirst();
        if (found.isEmpty()) {
            throw ProblemException.invalid(field, "names no milestone of this plan");
        }
        if (!rule.isInstance(found.get().rule())) {
            throw ProblemException.invalid(field, "is not " + what + " milestone");
        }
    }
}
