package org.district.pd.learning.catalog;

/** The unit an offering's credit is awarded in; renewal profiles convert between them. */
public enum CreditType {
    CLOCK_HOUR, CEU, SEMESTER_HOUR, CREDIT
}
