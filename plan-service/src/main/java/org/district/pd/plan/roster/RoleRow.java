package org.district.pd.plan.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A valid row of OneRoster 1.2 roles.csv: one role of one user at one org, for a span of dates. {@code sourcedId} is
 * the role's own id, by which a later delta changes or deletes it; {@code deleted} is a delta's tobedeleted row.
 */
public record RoleRow(String sourcedId, String userSourcedId, String role, boolean primary, String orgSourcedId,
        LocalDate beginDate, LocalDate endDate, @JsonIgnore boolean deleted) {

    static final List<String> REQUIRED_COLUMNS = List.of("userSourcedId", "role", "orgSourcedId");

    /** OneRoster 1.1 and 1.2 roles of people who work for the district. */
    static final Set<String> STAFF = Set.of("teacher", "aide", "administrator", "proctor", "counselor",
            "principal", "siteadministrator", "districtadministrator", "systemadministrator");
    static final Set<String> NOT_STAFF = Set.of("student", "parent", "guardian", "relative");

    static Parsed<RoleRow> parse(CsvRow row) {
        for (String required : REQUIRED_COLUMNS) {
            if (row.get(required).isEmpty()) {
                return reject(row, required, required + " is required");
            }
        }
        String role = row.get("role");
        if (!isKnown(role)) {
            return reject(row, "role", "role " + role + " is not a OneRoster role");
        }
        String roleType = row.get("roleType").toLowerCase(Locale.ROOT);
        if (!roleType.isEmpty() && !roleType.equals("primary") && !roleType.equals("secondary")) {
            return reject(row, "roleType", "roleType must be primary or secondary");
        }
        if (!RosterStatus.isKnown(row.get("status"))) {
            return reject(row, "status", RosterStatus.RULE);
        }
        LocalDate begin;
        LocalDate end;
        try {
            begin = date(row.get("beginDate"));
        } catch (DateTimeParseException e) {
            return reject(row, "beginDate", "beginDate must be a date, YYYY-MM-DD");
        }
        try {
            end = date(row.get("endDate"));
        } catch (DateTimeParseException e) {
            return reject(row, "endDate", "endDate must be a date, YYYY-MM-DD");
        }
        if (begin != null && end != null && end.isBefore(begin)) {
            return reject(row, "endDate", "endDate is before beginDate");
        }
        return Parsed.accepted(new RoleRow(key(row.get("sourcedId"), row.get("userSourcedId"), role,
                row.get("orgSourcedId")), row.get("userSourcedId"), role, !roleType.equals("secondary"),
                row.get("orgSourcedId"), begin, end, !RosterStatus.isActive(row.get("status"))));
    }

    /** A OneRoster 1.1 role, a column of users.csv: one per org of orgSourcedIds, the first of them primary. */
    static RoleRow inUserRow(String userSourcedId, String role, boolean primary, String orgSourcedId) {
        return new RoleRow(key("", userSourcedId, role, orgSourcedId), userSourcedId, role, primary, orgSourcedId, null,
                null, false);
    }

    /**
     * The roles a user has once {@code changes} are applied to the roles they had: a role is matched by its
     * sourcedId, replaced when changed and removed when deleted; a new one is added.
     */
    static List<RoleRow> merge(Collection<RoleRow> had, Collection<RoleRow> changes) {
        Map<String, RoleRow> roles = new LinkedHashMap<>();
        had.forEach(role -> roles.put(role.sourcedId(), role));
        for (RoleRow change : changes) {
            if (change.deleted()) {
                roles.remove(change.sourcedId());
            } else {
                roles.put(change.sourcedId(), change);
            }
        }
        return List.copyOf(roles.values());
    }

    /** A role counts on the days from its begin date to its end date, both included; a missing date is open. */
    boolean isCurrent(LocalDate today) {
        return (beginDate == null || !beginDate.isAfter(today)) && (endDate == null || !endDate.isBefore(today));
    }

    @JsonIgnore
    boolean isStaff() {
        return STAFF.contains(role.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code role} is a staff role of OneRoster, as the directory keeps it (lower case). */
    public static boolean isStaff(String role) {
        return STAFF.contains(role);
    }

    static boolean isKnown(String role) {
        String lower = role.toLowerCase(Locale.ROOT);
        return STAFF.contains(lower) || NOT_STAFF.contains(lower);
    }

    // 1.2 requires a role's own sourcedId; a file without one is matched on user, role and org instead.
    private static String key(String sourcedId, String user, String role, String org) {
        return sourcedId.isEmpty() ? user + "/" + role.toLowerCase(Locale.ROOT) + "/" + org : sourcedId;
    }

    // SIS exports write dates as 2026-08-01 or as a full timestamp; the day is what counts.
    private static LocalDate date(String value) {
        return value.isEmpty() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    private static Parsed<RoleRow> reject(CsvRow row, String field, String reason) {
        return Parsed.notAccepted(RowResult.rejected(row, field, reason));
    }
}
