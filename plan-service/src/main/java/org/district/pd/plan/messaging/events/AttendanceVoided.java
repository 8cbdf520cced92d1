package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.learning.attendance.voided.v1: the attendance to take back, and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttendanceVoided(@NotNull UUID attendanceId, @NotNull UUID educatorId, @NotNull Instant voidedAt,
        String reason) {

    public static final String TYPE = "pd.learning.attendance.voided.v1";
}
