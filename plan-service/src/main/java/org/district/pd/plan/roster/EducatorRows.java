package org.district.pd.plan.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.district.pd.plan.messaging.events.EducatorUpserted;
import org.district.pd.plan.messaging.events.EducatorUpserted.Identifiers;
import org.district.pd.plan.messaging.events.EducatorUpserted.Name;

/**
 * Turns a row of users.csv into the snapshot the roster publishes, with its roles from users.csv (OneRoster 1.1) or
 * from roles.csv (1.2). A row that is not staff is skipped; a row that cannot be read is rejected with the field.
 */
final class EducatorRows {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** The order PostgreSQL and people sort ids in; UUID.compareTo compares signed halves. */
    private static final Comparator<UUID> IN_TEXT_ORDER = Comparator.comparing(UUID::toString);

    /**
     * What a batch of users is read against: the bundle's manifest, the active orgs its rows name, the snapshots of
     * those already in the directory, and the day on which roles are current.
     */
    record Context(Manifest manifest, Map<String, KnownOrg> orgs, Map<UUID, EducatorUpserted> existing,
            LocalDate today) {
    }

    private EducatorRows() {
    }

    static Parsed<EducatorUpserted> parse(CsvRow user, List<RoleRow> roles, List<CsvRow> profiles, Context context) {
        String problem = firstProblem(user, context.manifest());
        if (problem != null) {
            return Parsed.notAccepted(RowResult.rejected(user, problem, reason(user, problem)));
        }
        List<RoleRow> own = context.manifest().rolesInOwnFile() ? roles : rolesInUserRow(user);
        UUID id = RosterIds.educatorId(user.get("sourcedId"));
        EducatorUpserted existing = context.existing().get(id);
        if (own.isEmpty()) {
            // A delta that changes a user but not their roles leaves the roles as they were.
            if (existing != null && !context.manifest().mode(RosterUpload.ROLES).equals(Manifest.BULK)) {
                return Parsed.accepted(snapshot(user, profiles, keptAccounts(existing, context), existing.roles(),
                        existing.schoolIds(), isActive(user) && !existing.roles().isEmpty()));
            }
            return Parsed.notAccepted(RowResult.rejected(user, "roles", "the user has no role in roles.csv"));
        }
        List<RoleRow> staff = own.stream().filter(RoleRow::isStaff).toList();
        if (staff.isEmpty()) {
            List<String> named = own.stream().map(RoleRow::role).distinct().sorted().toList();
            return Parsed.notAccepted(RowResult.skipped(user, "role " + String.join(", ", named)
                    + (named.size() == 1 ? " is" : " are") + " not staff; only educators are imported"));
        }
        // Roles that have ended, or not yet begun, do not count; an educator with none left is inactive.
        List<RoleRow> current = staff.stream().filter(role -> role.isCurrent(context.today()))
                .sorted(Comparator.comparing(role -> !role.primary())).toList();
        List<String> unknown = current.stream().map(RoleRow::orgSourcedId)
                .filter(org -> !context.orgs().containsKey(org)).distinct().toList();
        if (!unknown.isEmpty()) {
            String field = context.manifest().rolesInOwnFile() ? "roles" : "orgSourcedIds";
            return Parsed.notAccepted(RowResult.rejected(user, field, "unknown or inactive org(s) " + unknown));
        }
        Set<String> roleNames = new LinkedHashSet<>();
        current.forEach(role -> roleNames.add(role.role()));
        List<UUID> schoolIds = current.stream().map(role -> context.orgs().get(role.orgSourcedId()))
                .filter(KnownOrg::school).map(KnownOrg::id).distinct().sorted(IN_TEXT_ORDER).toList();
        return Parsed.accepted(snapshot(user, profiles, keptAccounts(existing, context), List.copyOf(roleNames),
                schoolIds, isActive(user) && !current.isEmpty()));
    }

    /**
     * A 1.2 delta without userProfiles.csv changes no profile: the accounts the educator had stay. In 1.1, and in a
     * bundle that has the file, the bundle's accounts are the whole list.
     */
    private static List<String> keptAccounts(EducatorUpserted existing, Context context) {
        Manifest manifest = context.manifest();
        boolean profilesUntouched = manifest.rolesInOwnFile() && !manifest.has(RosterUpload.USER_PROFILES)
                && manifest.mode(RosterUpload.USERS).equals(Manifest.DELTA);
        return existing != null && profilesUntouched ? existing.identifiers().lmsAccounts() : List.of();
    }

    /** In OneRoster 1.1 a user's one role is a column, at each org of orgSourcedIds. */
    private static List<RoleRow> rolesInUserRow(CsvRow user) {
        List<RoleRow> roles = new ArrayList<>();
        for (String org : user.list("orgSourcedIds")) {
            roles.add(new RoleRow(user.get("sourcedId"), user.get("role"), roles.isEmpty(), org, null, null));
        }
        return roles.isEmpty() ? List.of(new RoleRow(user.get("sourcedId"), user.get("role"), true, "", null, null))
                : roles;
    }

    private static boolean isActive(CsvRow user) {
        return RosterStatus.isActive(user.get("status")) && !user.get("enabledUser").equalsIgnoreCase("false");
    }

    private static EducatorUpserted snapshot(CsvRow user, List<CsvRow> profiles, List<String> kept, List<String> roles,
            List<UUID> schoolIds, boolean active) {
        String sourcedId = user.get("sourcedId");
        return new EducatorUpserted(RosterIds.educatorId(sourcedId), sourcedId,
                new Name(user.get("givenName"), user.get("familyName")), user.nullIfEmpty("email"), schoolIds, roles,
                null, List.of(), user.list("grades"), active, new Identifiers(user.nullIfEmpty("identifier"),
                        user.nullIfEmpty("username"), lmsAccounts(user.get("userIds"), profiles, kept)));
    }

    private static String firstProblem(CsvRow user, Manifest manifest) {
        List<String> required = manifest.rolesInOwnFile() ? List.of("sourcedId", "givenName", "familyName")
                : List.of("sourcedId", "givenName", "familyName", "role", "orgSourcedIds");
        for (String column : required) {
            if (user.get(column).isEmpty()) {
                return column;
            }
        }
        if (!user.get("email").isEmpty() && !EMAIL.matcher(user.get("email")).matches()) {
            return "email";
        }
        if (!manifest.rolesInOwnFile() && !RoleRow.isKnown(user.get("role"))) {
            return "role";
        }
        if (!RosterStatus.isKnown(user.get("status"))) {
            return "status";
        }
        String enabled = user.get("enabledUser").toLowerCase(Locale.ROOT);
        return enabled.isEmpty() || enabled.equals("true") || enabled.equals("false") ? null : "enabledUser";
    }

    private static String reason(CsvRow user, String field) {
        return switch (field) {
            case "email" -> "email " + user.get("email") + " is not a valid address";
            case "role" -> "role " + user.get("role") + " is not a OneRoster role";
            case "status" -> RosterStatus.RULE;
            case "enabledUser" -> "enabledUser must be true or false";
            default -> field + " is required";
        };
    }

    /**
     * OneRoster writes other systems' ids as {@code {type:id},{type:id}}; each is kept as {@code type:id}. A 1.2
     * user profile adds {@code vendor:username}, or the profile type where no vendor is named.
     */
    private static List<String> lmsAccounts(String userIds, List<CsvRow> profiles, List<String> kept) {
        Set<String> accounts = new LinkedHashSet<>();
        for (String id : userIds.replace("{", "").replace("}", "").split(",")) {
            if (!id.isBlank()) {
                accounts.add(id.strip());
            }
        }
        for (CsvRow profile : profiles) {
            String system = profile.get("vendorId").isEmpty() ? profile.get("profileType") : profile.get("vendorId");
            accounts.add(system.isEmpty() ? profile.get("username") : system + ":" + profile.get("username"));
        }
        accounts.addAll(kept);
        return List.copyOf(accounts);
    }
}
