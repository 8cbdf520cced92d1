package org.district.pd.plan.roster;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An educator's career stage, from the hire date a district may give in users.csv as the OneRoster extension column
 * {@value #HIRE_DATE}: novice in their first 3 years, veteran from their 15th, career in between. Unknown (null)
 * without a hire date.
 */
final class CareerStage {

    static final String HIRE_DATE = "metadata.pd.hireDate";
    static final String RULE = HIRE_DATE + " must be a date such as 2019-08-15, not after today";

    private CareerStage() {
    }

    /** Whether the row's hire date, when it has one, can be read. */
    static boolean readable(CsvRow user, LocalDate today) {
        String hired = user.get(HIRE_DATE);
        if (hired.isEmpty()) {
            return true;
        }
        try {
            return !LocalDate.parse(hired).isAfter(today);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String of(CsvRow user, LocalDate today) {
        String hired = user.get(HIRE_DATE);
        if (hired.isEmpty() || !readable(user, today)) {
            return null;
        }
        int years = Period.between(LocalDate.parse(hired), today).getYears();
        return years < 3 ? "novice" : years >= 15 ? "veteran" : "career";
    }
}
