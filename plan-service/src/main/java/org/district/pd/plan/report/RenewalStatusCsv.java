package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.district.pd.plan.renewal.RenewalStatus;

/** The renewal-status report as CSV: one row per educator, empty figures for one without a license. */
final class RenewalStatusCsv {

    static final String HEADER = Csv.row(List.of("educator_id", "sourced_id", "family_name", "given_name", "email",
            "school_ids", "status", "profile", "license_type", "license_number", "window_start", "window_end",
            "required_hours", "earned_hours", "counted_hours", "carry_over_hours", "remaining_hours",
            "hours_needed_per_month"));

    private RenewalStatusCsv() {
    }

    static String rows(List<RenewalRow> rows) {
        StringBuilder csv = new StringBuilder();
        for (RenewalRow row : rows) {
            RenewalStatus renewal = row.renewal();
            boolean licensed = row.license() != null;
            csv.append(Csv.row(Arrays.asList(row.educatorId().toString(), row.sourcedId(),
                    row.familyName(), row.givenName(), row.email(),
                    row.schoolIds().stream().map(UUID::toString).collect(Collectors.joining(",")), row.status(),
                    licensed ? row.license().profile() : null, licensed ? row.license().type() : null,
                    licensed ? row.license().number() : null,
                    licensed ? row.license().issuedOn().toString() : null,
                    licensed ? row.license().expiresOn().toString() : null,
                    licensed ? plain(renewal.requiredHours()) : null, licensed ? plain(renewal.earnedHours()) : null,
                    licensed ? plain(renewal.countedHours()) : null, licensed ? plain(renewal.carryOverHours()) : null,
                    licensed ? plain(renewal.remainingHours()) : null,
                    licensed ? plain(renewal.hoursNeededPerMonth()) : null)));
        }
        return csv.toString();
    }

    private static String plain(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
