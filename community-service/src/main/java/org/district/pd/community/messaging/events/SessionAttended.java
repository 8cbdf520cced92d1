package org.district.pd.community.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** pd.community.session.attended.v1: an educator attended a community's meeting. */
public record SessionAttended(UUID attendanceId, UUID educatorId, UUID communityId, String communityKind,
        UUID meetingId, String meetingTitle, Instant attendedAt, int minutes, BigDecimal creditHours,
        String category) {

    public static final String TYPE = "pd.community.session.attended.v1";
}
