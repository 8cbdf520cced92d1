package org.district.pd.plan.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/** The days a report covers, both included; days are UTC days, as every timestamp in the platform is UTC. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** Reads the {@code from} and {@code to} query parameters, or throws a 400 naming each one that is wrong. */
    public static ReportPeriod parse(String from, String to) {
        List<Violation> violations = new ArrayList<>();
        LocalDate start = date("from", from, violations);
        LocalDate end = date("to", to, violations);
        if (violations.isEmpty() && start.isAfter(end)) {
            violations.add(new Violation("from", "must not be after to"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new ReportPeriod(start, end);
    }

    public OffsetDateTime start() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime endExclusive() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static LocalDate date(String parameter, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(parameter, "is required, as an ISO date YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(parameter, "must be an ISO date YYYY-MM-DD, not " + value));
            return null;
        }
    }
}
