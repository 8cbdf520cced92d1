package org.district.pd.plan.messaging.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Published with the complete snapshot whenever an educator is created or changed; contract:
 * deploy/kafka/schemas/pd.roster.educator.upserted.v1.json.
 */
// The contract requires email and careerStage to be present, null when unknown.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EducatorUpserted(UUID educatorId, String sourcedId, Name name, String email, List<UUID> schoolIds,
        List<String> roles, String careerStage, List<String> subjects, List<String> grades, boolean active,
        Identifiers identifiers) {

    public static final String TYPE = "pd.roster.educator.upserted.v1";

    /** The educator's name as rostered. */
    public record Name(String givenName, String familyName) {
    }

    /** The names an LMS may know the educator by. */
    public record Identifiers(String sisId, String username, List<String> lmsAccounts) {
    }
}
