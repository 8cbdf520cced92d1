package org.district.pd.credentials.messaging.events;

/** The Kafka topics and channels this service uses. */
public final class Topics {

    public static final String CREDENTIALS_EVENTS = "pd.credentials.events";
    public static final String ROSTER_EDUCATORS_CHANNEL = "roster-educators";
    public static final String PLAN_EVENTS_CHANNEL = "plan-events";

    private Topics() {
    }
}
