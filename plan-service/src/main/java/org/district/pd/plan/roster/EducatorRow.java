package org.district.pd.plan.roster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A valid staff row of users.csv; other rows are rejected with the field at fault, or skipped when not staff. */
record EducatorRow(String sourcedId, String givenName, String familyName, String email, String sisId, String username,
        List<String> lmsAccounts, String role, List<String> grades, List<String> orgSourcedIds, boolean active) {

    static final List<String> REQUIRED_COLUMNS = List.of("sourcedId", "orgSourcedIds", "role", "givenName", "familyName");

    /** OneRoster 1.1 and 1.2 roles of people who work for the district. */
    private static final Set<String> STAFF = Set.of("teacher", "aide", "administrator", "proctor", "counselor",
            "principal", "siteadministrator", "districtadministrator", "systemadministrator");
    private static final Set<String> NOT_STAFF = Set.of("student", "parent", "guardian", "relative");
    private static final Set<String> STATUSES = Set.of("active", "tobedeleted", "inactive");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    static Parsed<EducatorRow> parse(CsvRow row, Map<String, Org> orgs) {
        String role = row.get("role");
        String status = row.get("status").toLowerCase(Locale.ROOT);
        String enabled = row.get("enabledUser").toLowerCase(Locale.ROOT);
        if (NOT_STAFF.contains(role.toLowerCase(Locale.ROOT))) {
            return Parsed.notAccepted(RowResult.skipped(row, "role " + role + " is not staff; only educators are imported"));
        }
        String problemField = firstProblem(row, role, status, enabled);
        if (problemField != null) {
            return Parsed.notAccepted(RowResult.rejected(row, problemField, reason(row, problemField)));
        }
        List<String> unknown = row.list("orgSourcedIds").stream().filter(org -> !orgs.containsKey(org)).toList();
        if (!unknown.isEmpty()) {
            return Parsed.notAccepted(RowResult.rejected(row, "orgSourcedIds", "unknown org(s) " + unknown));
        }
        boolean active = !"tobedeleted".equals(status) && !"inactive".equals(status) && !"false".equals(enabled);
        return Parsed.accepted(new EducatorRow(row.get("sourcedId"), row.get("givenName"), row.get("familyName"),
                row.nullIfEmpty("email"), row.nullIfEmpty("identifier"), row.nullIfEmpty("username"),
                lmsAccounts(row.get("userIds")), role, row.list("grades"), row.list("orgSourcedIds"), active));
    }

    private static String firstProblem(CsvRow row, String role, String status, String enabled) {
        for (String required : List.of("sourcedId", "givenName", "familyName", "role", "orgSourcedIds")) {
            if (row.get(required).isEmpty()) {
                return required;
            }
        }
        if (!row.get("email").isEmpty() && !EMAIL.matcher(row.get("email")).matches()) {
            return "email";
        }
        if (!STAFF.contains(role.toLowerCase(Locale.ROOT))) {
            return "role";
        }
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            return "status";
        }
        return enabled.isEmpty() || enabled.equals("true") || enabled.equals("false") ? null : "enabledUser";
    }

    private static String reason(CsvRow row, String field) {
        return switch (field) {
            case "email" -> "email " + row.get("email") + " is not a valid address";
            case "role" -> "role " + row.get("role") + " is not a OneRoster role";
            case "status" -> "status must be active or tobedeleted";
            case "enabledUser" -> "enabledUser must be true or false";
            default -> field + " is required";
        };
    }

    /** OneRoster writes other systems' ids as {@code {type:id},{type:id}}; each is kept as {@code type:id}. */
    private static List<String> lmsAccounts(String userIds) {
        return List.of(userIds.replace("{", "").replace("}", "").split(",")).stream()
                .map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    }
}
