package org.district.pd.plan.educator;

import java.util.List;
import java.util.UUID;

/** An educator as the directory has them, with what their profile derives: career stage and grade bands. */
public record EducatorCard(UUID educatorId, String sourcedId, String givenName, String familyName, String email,
        boolean active, List<UUID> schoolIds, List<String> roles, String careerStage, List<String> subjects,
        List<String> gradeBands) {
}
