package org.district.pd.learning.catalog;

/** Who an offering is for, in the words pathway templates use: grade bands and career stages. */
public final class Audience {

    public static final String GRADE_BAND = "^(K-2|3-5|6-8|9-12)$";
    public static final String GRADE_BAND_MESSAGE = "is not a grade band: K-2, 3-5, 6-8 or 9-12";
    public static final String CAREER_STAGE = "^(novice|career|veteran)$";
    public static final String CAREER_STAGE_MESSAGE = "is not a career stage: novice (under 3 years), career or veteran";

    private Audience() {
    }
}
