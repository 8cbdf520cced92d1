package org.district.pd.plan.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
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
     * What a batch of users is read against: the bundle's manifest, the active orgs its rows name, what the directory
     * already holds for those users, and the day on which roles are current.
     */
    record Context(Manifest manifest, Map<String, KnownOrg> orgs, Map<UUID, Rostered> existing, LocalDate today) {
    }

    private EducatorRows() {
    }

    /**
     * Reads a row of users.csv with the rows of roles.csv and userProfiles.csv that name the user. A bulk roles.csv
     * holds all of a user's roles; a delta changes the roles the directory has for them, role by role.
     */
    static Parsed<Rostered> parse(CsvRow user, List<RoleRow> roles, List<CsvRow> profiles, Context context) {
        String problem = firstProblem(user, context.manifest(), context.today());
        if (problem != null) {
            return Parsed.notAccepted(RowResult.rejected(user, problem, reason(user, problem)));
        }
        Manifest manifest = context.manifest();
        Rostered existing = context.existing().get(RosterIds.educatorId(user.get("sourcedId")));
        List<RoleRow> had = existing == null || existing.source().roles() == null ? null : existing.source().roles();
        List<RoleRow> own;
        if (!manifest.rolesInOwnFile()) {
            own = rolesInUserRow(user);
        } else if (manifest.mode(RosterUpload.ROLES).equals(Manifest.BULK)) {
            if (roles.isEmpty()) {
                // More often an export's slip than a teacher with no role: the row is rejected, and its educator kept.
                return Parsed.notAccepted(RowResult.rejected(user, "roles", "the user has no role in roles.csv"));
            }
            own = RoleRow.merge(List.of(), roles);
        } else if (had != null || !roles.isEmpty()) {
            own = RoleRow.merge(had == null ? List.of() : had, roles);
        } else {
            own = null;
        }
        // 1.2 profiles are the whole list in a bundle that has the file; a delta without it keeps the accounts.
        boolean profilesUntouched = manifest.rolesInOwnFile() && !manifest.has(RosterUpload.USER_PROFILES)
                && manifest.mode(RosterUpload.USERS).equals(Manifest.DELTA);
        List<String> kept = existing != null && profilesUntouched
                ? existing.snapshot().identifiers().lmsAccounts() : List.of();
        return derive(user, own, profiles, kept, existing, context);
    }

    /**
     * Derives again the snapshot of an educator the bundle changes only through roles.csv or userProfiles.csv rows,
     * from the users.csv row the directory kept; {@code first} is the bundle's first row for them, named in the report.
     */
    static Parsed<Rostered> reparse(CsvRow first, List<RoleRow> roles, List<CsvRow> profiles, Rostered existing,
            Context context) {
        if (existing.source().roles() == null) {
            return Parsed.notAccepted(RowResult.rejected(first, "userSourcedId", "user " + first.get("userSourcedId")
                    + " was rostered before roles were kept; import them in users.csv once"));
        }
        List<RoleRow> own = context.manifest().mode(RosterUpload.ROLES).equals(Manifest.BULK) && !roles.isEmpty()
                ? RoleRow.merge(List.of(), roles) : RoleRow.merge(existing.source().roles(), roles);
        return derive(existing.source().userRow(first), own, profiles,
                existing.snapshot().identifiers().lmsAccounts(), existing, context);
    }

    /** The snapshot of {@code user} with {@code roles}, all of their roles; null when the bundle does not say. */
    private static Parsed<Rostered> derive(CsvRow user, List<RoleRow> roles, List<CsvRow> profiles, List<String> kept,
            Rostered existing, Context context) {
        if (existing != null && roles == null) {
            // A user without roles in a delta keeps the roles they had, whatever rostered them.
            EducatorUpserted had = existing.snapshot();
            return accepted(user, null, snapshot(user, context.today(), profiles, kept, had.roles(), had.schoolIds(),
                    isActive(user) && !had.roles().isEmpty()));
        }
        if (roles == null || roles.isEmpty()) {
            // An educator whose last role a delta deletes stays in the directory, inactive; a new user needs a role.
            return existing == null
                    ? Parsed.notAccepted(RowResult.rejected(user, "roles", "the user has no role in roles.csv"))
                    : accepted(user, List.of(), snapshot(user, context.today(), profiles, kept, List.of(), List.of(),
                            false));
        }
        List<RoleRow> staff = roles.stream().filter(RoleRow::isStaff).toList();
        if (staff.isEmpty()) {
            List<String> named = roles.stream().map(RoleRow::role).distinct().sorted().toList();
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
        return accepted(user, roles, snapshot(user, context.today(), profiles, kept, List.copyOf(roleNames), schoolIds,
                isActive(user) && !current.isEmpty()));
    }

    private static Parsed<Rostered> accepted(CsvRow user, List<RoleRow> roles, EducatorUpserted snapshot) {
        return Parsed.accepted(new Rostered(snapshot, RosterSource.of(user, roles)));
    }

    /** The orgs that {@code roles} name, for the batch to look up; a 1.1 row names them in orgSourcedIds. */
    static Set<String> orgsNamed(CsvRow user, Collection<RoleRow> roles, Rostered existing) {
        Set<String> orgs = new HashSet<>(user.list("orgSourcedIds"));
        roles.forEach(role -> orgs.add(role.orgSourcedId()));
        if (existing != null && existing.source().roles() != null) {
            existing.source().roles().forEach(role -> orgs.add(role.orgSourcedId()));
        }
        return orgs;
    }

    /** In OneRoster 1.1 a user's one role is a column, at each org of orgSourcedIds. */
    private static List<RoleRow> rolesInUserRow(CsvRow user) {
        List<RoleRow> roles = new ArrayList<>();
        for (String org : user.list("orgSourcedIds")) {
            roles.add(RoleRow.inUserRow(user.get("sourcedId"), user.get("role"), roles.isEmpty(), org));
        }
        return roles.isEmpty() ? List.of(RoleRow.inUserRow(user.get("sourcedId"), user.get("role"), true, "")) : roles;
    }

    private static boolean isActive(CsvRow user) {
        return RosterStatus.isActive(user.get("status")) && !user.get("enabledUser").equalsIgnoreCase("false");
    }

    private static EducatorUpserted snapshot(CsvRow user, LocalDate today, List<CsvRow> profiles, List<String> kept,
            List<String> roles, List<UUID> schoolIds, boolean active) {
        String sourcedId = user.get("sourcedId");
        return new EducatorUpserted(RosterIds.educatorId(sourcedId), sourcedId,
                new Name(user.get("givenName"), user.get("familyName")), user.nullIfEmpty("email"), schoolIds, roles,
                CareerStage.of(user, today), List.of(), user.list("grades"), active,
                new Identifiers(user.nullIfEmpty("identifier"), user.nullIfEmpty("username"),
                        lmsAccounts(user.get("userIds"), profiles, kept)));
    }

    private static String firstProblem(CsvRow user, Manifest manifest, LocalDate today) {
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
        if (!CareerStage.readable(user, today)) {
            return CareerStage.HIRE_DATE;
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
            case CareerStage.HIRE_DATE -> CareerStage.RULE;
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
