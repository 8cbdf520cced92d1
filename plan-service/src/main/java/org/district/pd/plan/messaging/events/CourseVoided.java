package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.learning.course.voided.v1: the completion to take back, and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseVoided(@NotNull UUID completionId, @NotNull UUID educatorId, @NotNull Instant voidedAt,
        String reason) {

    public static final String TYPE = "pd.learning.course.voided.v1";
}
