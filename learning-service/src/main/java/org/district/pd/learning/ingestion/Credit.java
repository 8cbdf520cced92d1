package org.district.pd.learning.ingestion;

import java.math.BigDecimal;

import org.district.pd.learning.catalog.persistence.Offering;

/**
 * The credit one completion earns, or why the reported hours are refused. Credit comes from the catalog: hours an LMS
 * reports count only where the offering gives variable credit, never above its maximum; without them the offering's
 * credit applies.
 */
public record Credit(BigDecimal hours, String refusal) {

    public static Credit of(Offering offering, BigDecimal reported) {
        if (reported == null) {
            return new Credit(offering.creditHours, null);
        }
        if (!offering.variableCredit) {
            return new Credit(null, "is not accepted: offering '" + offering.title + "' gives a fixed credit of "
                    + offering.creditHours.stripTrailingZeros().toPlainString() + ", so leave hours out");
        }
        if (reported.compareTo(offering.maxCreditHours) > 0) {
            return new Credit(null, "must be at most " + offering.maxCreditHours.stripTrailingZeros().toPlainString()
                    + ", the maximum of offering '" + offering.title + "'");
        }
        return new Credit(reported, null);
    }

    public boolean refused() {
        return refusal != null;
    }
}
