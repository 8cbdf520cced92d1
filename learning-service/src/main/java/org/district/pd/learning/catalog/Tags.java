package org.district.pd.learning.catalog;

/** Competency tags are short lower-case slugs such as formative-assessment, the same words pathways and search use. */
public final class Tags {

    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,49}$";
    public static final String MESSAGE = "must be a lower-case tag such as formative-assessment (letters, digits, '-')";

    private Tags() {
    }
}
