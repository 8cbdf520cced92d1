package org.district.pd.plan.roster;

import java.util.List;

/** The columns each file must have; any others are read when known and otherwise ignored. */
final class RosterColumns {

    private RosterColumns() {
    }

    static List<String> required(String part, Manifest manifest) {
        return switch (part) {
            case RosterUpload.ORGS -> OrgRow.REQUIRED_COLUMNS;
            case RosterUpload.ROLES -> RoleRow.REQUIRED_COLUMNS;
            case RosterUpload.USER_PROFILES -> List.of("userSourcedId", "username");
            case RosterUpload.USERS -> manifest.rolesInOwnFile()
                    ? List.of("sourcedId", "givenName", "familyName")
                    : List.of("sourcedId", "orgSourcedIds", "role", "givenName", "familyName");
            default -> List.of();
        };
    }
}
