package org.district.pd.credentials.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of pd.plan.coach.assigned.v1: a teacher's assessor is never their coach. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoachAssigned(@NotNull UUID planId, @NotNull UUID educatorId, UUID coachId,
        @NotNull Instant assignedAt) {

    public static final String TYPE = "pd.plan.coach.assigned.v1";
}
