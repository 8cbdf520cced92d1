package org.district.pd.learning.catalog;

/** An xAPI activity id is an absolute IRI; statements about it earn the credit of the offering it is mapped to. */
public final class XapiActivity {

    public static final String PATTERN = "^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]{1,2000}$";
    public static final String MESSAGE = "must be an absolute IRI such as https://lms.example/activities/fa-101";

    private XapiActivity() {
    }
}
