package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of this service's pd.plan.* events, which tell what moved in a teacher's plan: a milestone completed
 * ({@code stage}, {@code milestoneId}), a cycle completed ({@code outcome} COMPLETED, or INCOMPLETE when its period
 * ended first), or a cycle started ({@code opensAt}, {@code endsAt}). {@code at} is when it happened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanProgressed(UUID planId, UUID educatorId, UUID templateId, int templateVersion, int cycle,
        String stage, String milestoneId, String outcome, Instant opensAt, Instant endsAt, Instant at) {

    public static final String MILESTONE_COMPLETED = "pd.plan.milestone.completed.v1";
    public static final String CYCLE_COMPLETED = "pd.plan.cycle.completed.v1";
    public static final String CYCLE_STARTED = "pd.plan.cycle.started.v1";
}
