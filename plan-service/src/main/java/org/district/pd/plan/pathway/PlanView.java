package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A teacher's plan as the API shows it: the template version its latest cycle runs on, where it stands at a glance
 * ({@code progress}), and every cycle in full ({@code state}), as last evaluated at {@code evaluatedAt}; its coach,
 * and the teacher's request for one while no coach is assigned.
 */
public record PlanView(UUID id, UUID educatorId, TemplateRef template, Instant startedAt, UUID coachId,
        Map<String, Object> coachRequest, PlanIntent intent, PlanProgress progress, PathwayState state,
        Instant evaluatedAt) {

    public record TemplateRef(UUID id, int version, String name, UUID schoolId) {
    }
}
