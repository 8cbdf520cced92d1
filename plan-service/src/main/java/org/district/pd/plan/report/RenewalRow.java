package org.district.pd.plan.report;

import java.util.List;
import java.util.UUID;

import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalStatus;
import org.district.pd.plan.renewal.Standing;

/**
 * One educator on the renewal-status report: their license and renewal figures, or none; {@code status} is the
 * renewal's, or NO_LICENSE.
 */
public record RenewalRow(UUID educatorId, String sourcedId, String givenName, String familyName, String email,
        List<UUID> schoolIds, String status, License license, RenewalStatus renewal) {

    /** What the report filters on: the renewal's status, or that the educator has no license. */
    public enum Status {
        ON_TRACK, AT_RISK, OVERDUE, NO_LICENSE
    }

    /** The status of an educator's standing, or NO_LICENSE when they have none (null). */
    static String statusOf(Standing standing) {
        return standing == null ? Status.NO_LICENSE.name() : standing.renewal().status().name();
    }
}
