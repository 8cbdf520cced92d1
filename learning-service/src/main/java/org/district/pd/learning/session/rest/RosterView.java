package org.district.pd.learning.session.rest;

import java.util.List;

/** A session's registrations (seats first, then the waitlist in order) and the attendance recorded. */
public record RosterView(SessionView session, List<RegistrationView> registrations, List<AttendanceView> attendance) {
}
