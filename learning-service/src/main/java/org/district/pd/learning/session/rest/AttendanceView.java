package org.district.pd.learning.session.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.district.pd.learning.session.persistence.Attendance;

/** A recorded attendance, with the credit it earned. */
public record AttendanceView(UUID id, UUID sessionId, UUID educatorId, Attendance.Method method, int minutes,
        BigDecimal creditHours, Instant recordedAt) {

    public static AttendanceView of(Attendance attendance) {
        return new AttendanceView(attendance.id, attendance.sessionId, attendance.educatorId, attendance.method,
                attendance.minutes, attendance.creditHours, attendance.recordedAt);
    }
}
