package org.district.pd.platform.web;

import org.district.pd.platform.problem.ProblemException;

/** Reads numeric query parameters as text, so a wrong type or a huge number is a 400 that names the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, or {@code absent} when it is not given. */
    public static int wholeNumber(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number, or beyond int: the same answer as a number out of range
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
