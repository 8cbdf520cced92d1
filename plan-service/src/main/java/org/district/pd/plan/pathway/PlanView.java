package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.UUID;

/** A teacher's plan as the API shows it: the template version it runs on and where it stands, derived just now. */
public record PlanView(UUID id, UUID educatorId, TemplateRef template, Instant startedAt, PathwayState state) {

    public record TemplateRef(UUID id, int version, String name, UUID schoolId) {
    }
}
