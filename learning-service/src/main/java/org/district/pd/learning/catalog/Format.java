package org.district.pd.learning.catalog;

/** How an offering is delivered; MICRO offerings take 15 minutes or less. */
public enum Format {
    ONLINE, IN_PERSON, BLENDED, MICRO, WEBINAR, CONFERENCE, EXTERNAL;

    /** Workshops, blended courses and webinars meet: they have scheduled sessions with attendance. */
    public boolean hasSessions() {
        return this == IN_PERSON || this == BLENDED || this == WEBINAR;
    }
}
