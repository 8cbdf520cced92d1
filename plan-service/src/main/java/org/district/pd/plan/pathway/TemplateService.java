package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.persistence.TemplateRepository;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.web.PageRequest;

import io.smallrye.mutiny.Uni;

/** Authoring growth pathway templates: who may write which, what makes one valid, and a new version per edit. */
@ApplicationScoped
public class TemplateService {

    private final TemplateRepository templates;
    private final AutoAssignment autoAssignment;
    private final PlanAccess access;
    private final Caller caller;

    TemplateService(TemplateRepository templates, AutoAssignment autoAssignment, PlanAccess access, Caller caller) {
        this.templates = templates;
        this.autoAssignment = autoAssignment;
        this.access = access;
        this.caller = caller;
    }

    public Uni<TemplateView> create(TemplateRequest request) {
        access.authorTemplate(request.schoolId());
        Template template = valid(request);
        return templates.insert(UUID.randomUUID(), request.schoolId(), template, caller.name(), Instant.now())
                .invoke(this::assignIfAutomatic);
    }

    /** Writes the next version; plans keep the version their cycle started with. */
    public Uni<TemplateView> revise(UUID id, TemplateRequest request) {
        return find(id).chain(existing -> {
            access.authorTemplate(existing.schoolId());
            if (request.schoolId() != null && !request.schoolId().equals(existing.schoolId())) {
                throw ProblemException.invalid("schoolId", "a template stays with the school it was written for; "
                        + "write a new one for another");
            }
            Template template = valid(request);
            return templates.insert(id, existing.schoolId(), template, caller.name(), Instant.now())
                    .invoke(this::assignIfAutomatic);
        });
    }

    /** The latest version; a template of a school the caller may not see is not found, so ids cannot be probed. */
    public Uni<TemplateView> find(UUID id) {
        return visible(id, templates.latest(id));
    }

    public Uni<TemplateView> find(UUID id, int version) {
        return visible(id, templates.version(id, version));
    }

    public Uni<List<TemplateView>> list(UUID schoolId, PageRequest page) {
        return templates.list(access.templateSchools(schoolId).orElse(null), schoolId, page);
    }

    private Uni<TemplateView> visible(UUID id, Uni<Optional<TemplateView>> found) {
        return found.map(view -> view.filter(template -> access.seesTemplate(template.schoolId()))
                .orElseThrow(() -> ProblemException.notFound("No template " + id)));
    }

    /** A template for automatic assignment reaches its audience now, not only at the next roster change. */
    private void assignIfAutomatic(TemplateView written) {
        if (written.template().audience() != null && written.template().audience().autoAssign()) {
            autoAssignment.soon();
        }
    }

    private static Template valid(TemplateRequest request) {
        Template template = request.template();
        List<Violation> violations = TemplateRules.violations(template);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return template;
    }
}
