package org.district.pd.plan.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which educators a renewal-status report lists: schools (empty: all), a status, and a range of window ends. */
public record RenewalFilter(Optional<Set<UUID>> schools, RenewalRow.Status status, LocalDate windowEndFrom,
        LocalDate windowEndTo) {

    boolean accepts(RenewalRow row) {
        return status == null || status.name().equals(row.status());
    }
}
