package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The parts of a roster snapshot this service keeps. */
public record EducatorSnapshot(UUID educatorId, String sourcedId, String givenName, String familyName, String email,
        String sisId, List<String> lmsAccounts, boolean active, Instant at) {
}
