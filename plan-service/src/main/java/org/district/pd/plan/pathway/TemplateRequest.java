package org.district.pd.plan.pathway;

import java.util.List;
import java.util.UUID;

/** A template as a district admin or a principal writes it; {@code schoolId} null is district-wide. */
public record TemplateRequest(UUID schoolId, String name, Template.Audience audience, Cadence cadence, Integer cycles,
        List<Stage> stages) {

    Template template() {
        return new Template(name, audience, cadence, cycles, stages == null ? List.of() : stages);
    }
}
