package org.district.pd.plan.roster;

import java.util.Locale;
import java.util.Set;

/** OneRoster's {@code status} column: 1.2 writes active or tobedeleted; 1.1 exports also write inactive. */
final class RosterStatus {

    static final String RULE = "status must be active or tobedeleted";

    private static final Set<String> KNOWN = Set.of("active", "tobedeleted", "inactive");

    private RosterStatus() {
    }

    /** Blank counts as active: many exports leave the column empty in bulk files. */
    static boolean isKnown(String status) {
        return status.isEmpty() || KNOWN.contains(status.toLowerCase(Locale.ROOT));
    }

    static boolean isActive(String status) {
        return status.isEmpty() || status.equalsIgnoreCase("active");
    }
}
