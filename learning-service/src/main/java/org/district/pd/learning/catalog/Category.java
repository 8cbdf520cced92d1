package org.district.pd.learning.catalog;

/** Credit categories are codes such as COURSEWORK or INDEPENDENT_STUDY; renewal profiles cap hours per category. */
final class Category {

    static final String PATTERN = "^[A-Z][A-Z0-9_]{1,39}$";
    static final String MESSAGE = "must be an upper-case code such as COURSEWORK (letters, digits, underscores)";

    private Category() {
    }
}
