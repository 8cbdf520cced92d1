package org.district.pd.plan.messaging;

/** The Kafka topics and channels this service uses. */
public final class Topics {

    public static final String ROSTER_EDUCATORS = "pd.roster.educators";
    public static final String LEARNING_EVENTS_CHANNEL = "learning-events";

    private Topics() {
    }
}
