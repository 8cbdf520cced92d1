package org.district.pd.community.messaging.events;

/** The topics this service writes and the channels it reads. */
public final class Topics {

    public static final String COMMUNITY_EVENTS = "pd.community.events";
    public static final String ROSTER_EDUCATORS = "pd.roster.educators";
    public static final String ROSTER_EDUCATORS_CHANNEL = "roster-educators";

    private Topics() {
    }
}
