package org.district.pd.plan.educator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An educator as the directory has them, with what their profile derives: the career stage (from the hire date the
 * roster gives, when it gives one) and grade bands.
 */
public record EducatorCard(UUID educatorId, String sourcedId, String givenName, String familyName, String email,
        boolean active, List<UUID> schoolIds, List<String> roles, LocalDate hireDate, String careerStage,
        List<String> subjects, List<String> gradeBands) {
}
