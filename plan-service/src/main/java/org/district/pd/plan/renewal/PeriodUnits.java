package org.district.pd.plan.renewal;

import java.math.BigDecimal;

/** The sum of an educator's ledger entries of one category and credit type in a report's period, before conversion. */
public record PeriodUnits(String category, String creditType, BigDecimal units) {
}
