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

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    static final int MAX_YEARS = 10;

    /** Reads the {@code from} and {@code to} query parameters, or throws a 400 naming each one that is wrong. */
    public static ReportPeriod parse(String from, String to) {
        List<Violation> violations = new ArrayList<>();
        LocalDate start = date("from", from, violations);
        LocalDate end = date("to", to, violations);
        if (violations.isEmpty() && start.isAfter(end)) {
            violations.add(new Violation("from", "must not be after to"));
        } else if (violations.isEmpty() && !end.isBefore(start.plusYears(MAX_YEARS))) {
            violations.add(new Violation("to", "must be less than " + MAX_YEARS + " years after from"));
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

    /** An optional date parameter of a report, within the same bounds as a period's; a 400 naming it otherwise. */
    static LocalDate optionalDate(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate date = date(parameter, value, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return date;
    }

    private static LocalDate date(String parameter, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(parameter, "is required, as an ISO date YYYY-MM-DD"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(parameter, "must be an ISO date YYYY-MM-DD"));
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            violations.add(new Violation(parameter, "must be between " + EARLIEST + " and " + LATEST));
            return null;
        }
        return date;
    }
}
