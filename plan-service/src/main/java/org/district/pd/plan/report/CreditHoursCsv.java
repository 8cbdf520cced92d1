package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        StringBuilder csv = new StringBuilder();
        for (EducatorHours educator : educators) {
            if (educator.hoursByCategory().isEmpty()) {
                row(csv, educator, "", BigDecimal.ZERO);
            }
            for (Map.Entry<String, BigDecimal> category : educator.hoursByCategory().entrySet()) {
                row(csv, educator, category.getKey(), category.getValue());
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, EducatorHours educator, String category, BigDecimal hours) {
        String schools = educator.schoolIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        List<String> fields = List.of(educator.educatorId().toString(), educator.sourcedId(), educator.familyName(),
                educator.givenName(), educator.email() == null ? "" : educator.email(), schools, category,
                hours.setScale(2, RoundingMode.HALF_UP).toPlainString(), educator.renewalStatus());
        csv.append(Csv.row(fields));
    }
}
