package org.district.pd.plan.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an educator's snapshot was derived from: the columns of their users.csv row that it reads, and their roles with
 * their dates. The directory keeps it, so a later delta that brings only roles or profiles, or a role that begins or
 * ends, derives the snapshot again by the same rules. {@code roles} is null for an educator rostered before the
 * directory kept roles.
 */
public record RosterSource(Map<String, String> user, List<RoleRow> roles) {

    /** The users.csv columns a snapshot is made of; the others are not kept. */
    static final List<String> USER_COLUMNS = List.of("sourcedId", "status", "enabledUser", "givenName", "familyName",
            "email", "identifier", "username", "userIds", "grades", CareerStage.HIRE_DATE);

    static RosterSource of(CsvRow user, List<RoleRow> roles) {
        Map<String, String> kept = new HashMap<>();
        USER_COLUMNS.forEach(column -> kept.put(column, user.get(column)));
        return new RosterSource(kept, roles);
    }

    /** The kept users.csv row, read again as the row of {@code row}'s file and line names it in the report. */
    CsvRow userRow(CsvRow row) {
        Map<String, String> values = new HashMap<>();
        user.forEach((column, value) -> values.put(column.toLowerCase(Locale.ROOT), value));
        return new CsvRow(row.file(), row.line(), values);
    }
}
