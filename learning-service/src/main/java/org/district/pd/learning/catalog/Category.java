package org.district.pd.learning.catalog;

/** Credit categories are codes such as COURSEWORK or INDEPENDENT_STUDY; renewal profiles cap hours per category. */
public final class Category {

    public static final String PATTERN = "^[A-Z][A-Z0-9_]{1,39}$";
    public static final String MESSAGE = "must be an upper-case code such as COURSEWORK (letters, digits, underscores)";

    private Category() {
    }
}
