package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** pd.plan.coach.assigned.v1: who coaches the teacher on a plan from now on. */
public record CoachAssigned(UUID planId, UUID educatorId, UUID coachId, Instant assignedAt) {

    public static final String TYPE = "pd.plan.coach.assigned.v1";
}
