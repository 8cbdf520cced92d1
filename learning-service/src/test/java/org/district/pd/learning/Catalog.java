package org.district.pd.learning;

/** Request bodies for catalog set-up in tests. */
public final class Catalog {

    private Catalog() {
    }

    /** A six-hour online offering mapped to one LMS course id. */
    public static String offering(String lmsCourseId) {
        return """
                {"title":"Formative Assessment","format":"ONLINE","creditHours":6,"creditType":"CLOCK_HOUR",
                 "category":"COURSEWORK","lmsCourseIds":["%s"]}""".formatted(lmsCourseId);
    }
}
