package org.district.pd.plan.renewal;

import java.math.BigDecimal;

/** The sum of an educator's ledger entries of one category, credit type and provider in one span of time. */
public record Credit(Span span, String category, String creditType, String provider, BigDecimal units) {

    /** Where the entries were earned, relative to the license's renewal window. */
    public enum Span {
        /** In the window. */
        WINDOW,
        /** In the previous window's last years, those carry-over may come from. */
        PREVIOUS_LAST_YEARS,
        /** In the previous window, before its last years. */
        PREVIOUS_EARLIER
    }
}
