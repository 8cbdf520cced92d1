package org.district.pd.plan.messaging;

/** The Kafka topics and channels this service uses. */
public final class Topics {

    public static final String ROSTER_EDUCATORS = "pd.roster.educators";
    public static final String PLAN_EVENTS = "pd.plan.events";
    public static final String LEARNING_EVENTS = "pd.learning.events";
    public static final String CREDENTIALS_EVENTS = "pd.credentials.events";
    public static final String COMMUNITY_EVENTS = "pd.community.events";
    public static final String LEARNING_EVENTS_CHANNEL = "learning-events";
    public static final String CREDENTIALS_EVENTS_CHANNEL = "credentials-events";
    public static final String COMMUNITY_EVENTS_CHANNEL = "community-events";

    private Topics() {
    }
}
