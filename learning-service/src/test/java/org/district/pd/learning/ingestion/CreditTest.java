package org.district.pd.learning.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.district.pd.learning.catalog.persistence.Offering;
import org.junit.jupiter.api.Test;

class CreditTest {

    @Test
    void withoutReportedHoursTheCatalogsCreditApplies() {
        assertThat(Credit.of(fixed(), null).hours()).isEqualByComparingTo("6");
        assertThat(Credit.of(variable("10"), null).hours()).isEqualByComparingTo("6");
    }

    @Test
    void aFixedCreditOfferingRefusesReportedHours() {
        Credit credit = Credit.of(fixed(), new BigDecimal("6"));
        assertThat(credit.refused()).isTrue();
        assertThat(credit.refusal()).contains("fixed credit of 6");
    }

    @Test
    void aVariableCreditOfferingTakesReportedHoursUpToItsMaximum() {
        assertThat(Credit.of(variable("10"), new BigDecimal("7.5")).hours()).isEqualByComparingTo("7.5");
        assertThat(Credit.of(variable("10"), new BigDecimal("10")).hours()).isEqualByComparingTo("10");
        Credit above = Credit.of(variable("10"), new BigDecimal("10.01"));
        assertThat(above.refused()).isTrue();
        assertThat(above.refusal()).contains("at most 10");
    }

    private static Offering fixed() {
        Offering offering = new Offering();
        offering.title = "Formative Assessment";
        offering.creditHours = new BigDecimal("6.00");
        return offering;
    }

    private static Offering variable(String max) {
        Offering offering = fixed();
        offering.variableCredit = true;
        offering.maxCreditHours = new BigDecimal(max);
        return offering;
    }
}
