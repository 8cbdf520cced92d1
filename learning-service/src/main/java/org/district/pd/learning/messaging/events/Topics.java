package org.district.pd.learning.messaging.events;

/** The Kafka topics and channels this service uses. */
public final class Topics {

    public static final String LEARNING_EVENTS = "pd.learning.events";
    public static final String ROSTER_EDUCATORS_CHANNEL = "roster-educators";

    private Topics() {
    }
}
