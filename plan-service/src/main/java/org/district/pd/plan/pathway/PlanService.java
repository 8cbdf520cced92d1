package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.persistence.PlanRepository;
import org.district.pd.plan.pathway.persistence.PlanRepository.StoredPlan;
import org.district.pd.plan.pathway.persistence.TemplateRepository;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.web.PageRequest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Plans: a template applied to one teacher, and where each stands, as the progress refresher last evaluated it. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final TemplateRepository templates;
    private final PlanRefresher refresher;
    private final PlanAccess access;
    private final Caller caller;

    PlanService(PlanRepository plans, TemplateRepository templates, PlanRefresher refresher, PlanAccess access,
            Caller caller) {
        this.plans = plans;
        this.templates = templates;
        this.refresher = refresher;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Applies the latest version of the template; an educator has one plan of a template. The plan is evaluated at
     * once; should that fail, it is answered unevaluated, and the refresher evaluates it within moments.
     */
    public Uni<PlanView> create(PlanRequest request) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        return plans.educatorSchools(request.educatorId()).chain(schools -> templates.latest(request.templateId())
                .chain(template -> {
                    if (schools.isEmpty()) {
                        throw ProblemException.invalid("educatorId",
                                "names no educator of your school(s) in the directory");
                    }
                    if (template.isEmpty() || !access.seesTemplate(template.get().schoolId())) {
                        throw ProblemException.invalid("templateId",
                                "names no template of your school(s) or the district");
                    }
                    access.createPlan(schools.get(), template.get().schoolId());
                    return plans.insert(id, request.educatorId(), request.templateId(), template.get().version(),
                            startsAt, caller.name(), now);
                }))
                .invoke(inserted -> {
                    if (!inserted) {
                        throw ProblemException.conflict("Educator " + request.educatorId() + " has a plan of template "
                                + request.templateId() + " already");
                    }
                })
                .chain(() -> refresher.refreshNow(List.of(id)).onFailure().recoverWithNull())
                .chain(() -> find(id));
    }

    /**
     * The teacher starts a plan of an open template they see (the district's or their school's), from when its current
     * cadence period began, as an assigned one would; a template that is not open, or out of reach, is a 400.
     */
    public Uni<PlanView> enroll(EnrollmentRequest request) {
        UUID educatorId = access.ownEducatorId();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        return templates.latest(request.templateId()).chain(template -> {
            boolean open = template.isPresent() && access.seesTemplate(template.get().schoolId())
                    && template.get().template().audience() != null
                    && template.get().template().audience().openEnrollment();
            if (!open) {
                throw ProblemException.invalid("templateId", "names no template open for you to enroll in");
            }
            Cadence cadence = template.get().template().cadence();
            return plans.insert(id, educatorId, request.templateId(), template.get().version(),
                    cadence.startOf(cadence.periodOf(now)), caller.name(), now);
        }).invoke(inserted -> {
            if (!inserted) {
                throw ProblemException.conflict("You have a plan of template " + request.templateId() + " already");
            }
        }).chain(() -> refresher.refreshNow(List.of(id)).onFailure().recoverWithNull()).chain(() -> find(id));
    }

    public Uni<List<PlanView>> mine() {
        return plans.ofEducator(access.ownEducatorId())
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::view).collect().asList();
    }

    /** A plan the caller may not read is not found, whatever the reason, so ids cannot be probed. */
    public Uni<PlanView> find(UUID id) {
        return readable(id).chain(this::view);
    }

    /** The plan, when the caller may read it; a 404 otherwise. */
    public Uni<StoredPlan> readable(UUID id) {
        return plans.find(id).map(found -> {
            if (found.isEmpty() || !access.seesPlanOf(found.get().educatorId(), found.get().educatorSchools(),
                    found.get().coachId())) {
                throw ProblemException.notFound("No plan " + id);
            }
            return found.get();
        });
    }

    /** The plans the caller may list, of a school and at a stage when asked. */
    public Uni<List<PlanView>> list(UUID schoolId, String stage, PageRequest page) {
        PlanAccess.PlanScope scope = access.planScope(schoolId);
        return plans.list(scope.schools(), stage, scope.coachId(), page)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::view).collect().asList();
    }

    /** What changed the plan and why, for those who may read it. */
    public Uni<List<TimelineEntry>> timeline(UUID id, PageRequest page) {
        return readable(id).chain(plan -> plans.timeline(id, page));
    }

    /** The teacher's goals and choices for the open cycle, carried forward from an earlier cycle's when not written. */
    private static PlanIntent intent(StoredPlan plan) {
        int open = plan.state() == null || plan.state().current() == null ? 1 : plan.state().current().number();
        if (plan.intent() == null) {
            return new PlanIntent(open, null, List.of(), List.of());
        }
        return new PlanIntent(open, plan.intent().cycle() == open ? null : plan.intent().cycle(),
                plan.intent().goals(), plan.intent().choices());
    }

    /** A plan as last evaluated; one not evaluated yet (its start is still being taken in) has no state. */
    private Uni<PlanView> view(StoredPlan plan) {
        PathwayState state = plan.state();
        return Uni.createFrom().item(new PlanView(plan.id(), plan.educatorId(),
                new PlanView.TemplateRef(plan.templateId(), plan.templateVersion(), plan.template().name(),
                        plan.templateSchoolId()),
                plan.startedAt(), plan.coachId(), plan.coachRequest(), intent(plan),
                state == null ? null : PlanProgress.of(state, Instant.now()), state, plan.refreshedAt()));
    }
}
