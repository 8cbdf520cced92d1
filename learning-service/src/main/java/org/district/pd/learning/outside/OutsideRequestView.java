package org.district.pd.learning.outside;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.district.pd.learning.catalog.CreditType;

/** A request as the API shows it, with its full history when read one by one (an empty list in lists). */
public record OutsideRequestView(UUID id, UUID educatorId, UUID schoolId, String title, String provider,
        String description, LocalDate startsOn, LocalDate endsOn, BigDecimal hours, CreditType creditType,
        String category, List<String> competencyTags, String evidenceUrl, boolean preApproval,
        OutsideRequest.Status status, UUID completionId, Instant createdAt, Instant updatedAt, List<Step> history) {

    /** One step of the history. */
    public record Step(int position, Instant at, String actor, String action, OutsideRequest.Status status,
            String comment) {
    }

    static OutsideRequestView of(OutsideRequest request, List<OutsideRequestStep> steps) {
        return new OutsideRequestView(request.id, request.educatorId, request.schoolId, request.title,
                request.provider, request.description, request.startsOn, request.endsOn, request.creditHours,
                request.creditType, request.category, List.of(request.competencyTags), request.evidenceUrl,
                request.preApproval, request.status, request.completionId, request.createdAt, request.updatedAt,
                steps.stream().map(step -> new Step(step.key.position(), step.at, step.actor, step.action,
                        step.status, step.comment)).toList());
    }
}
