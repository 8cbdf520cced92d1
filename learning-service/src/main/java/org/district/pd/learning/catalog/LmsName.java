package org.district.pd.learning.catalog;

/** An LMS is named by a short lower-case word such as canvas or demo-lms, the same in bindings and course mappings. */
public final class LmsName {

    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{0,62}$";
    public static final String MESSAGE = "must be a lower-case LMS name such as canvas (letters, digits, '.', '_', '-')";

    private LmsName() {
    }
}
