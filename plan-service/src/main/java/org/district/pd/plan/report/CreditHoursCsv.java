package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes the credit-hours report as RFC 4180 CSV: one row per educator and category, CRLF line ends. */
final class CreditHoursCsv {

    static final String HEADER = Csv.row(List.of("educator_id", "sourced_id", "family_name", "given_name", "email",
            "school_ids", "category", "hours", "renewal_status"));

    private CreditHoursCsv() {
    }

    /** The rows of one page of educators; an educator without hours gets one row with no category and 0.00. */
    static String rows(List<EducatorHours> educators) {
        StringBuilder csv = new StringBuilder(educators.size() * 200);
        for (EducatorHours educator : educators) {
            // The educator's cells, made once for all of their rows.
            String schools = educator.schoolIds().stream().map(UUID::toString).collect(Collectors.joining(","));
            String who = Csv.cells(Arrays.asList(educator.educatorId().toString(), educator.sourcedId(),
                    educator.familyName(), educator.givenName(), educator.email(), schools));
            String status = Csv.field(educator.renewalStatus());
            if (educator.hoursByCategory().isEmpty()) {
                row(csv, who, "", BigDecimal.ZERO, status);
            }
            for (Map.Entry<String, BigDecimal> category : educator.hoursByCategory().entrySet()) {
                row(csv, who, category.getKey(), category.getValue(), status);
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String who, String category, BigDecimal hours, String status) {
        csv.append(who).append(',').append(Csv.field(category)).append(',')
                .append(hours.setScale(2, RoundingMode.HALF_UP).toPlainString()).append(',').append(status)
                .append("\r\n");
    }
}
