package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.community.attendance.voided.v1: which attendance to take back, and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommunityAttendanceVoided(@NotNull UUID attendanceId, @NotNull UUID educatorId,
        @NotNull Instant voidedAt) {

    public static final String TYPE = "pd.community.attendance.voided.v1";
}
