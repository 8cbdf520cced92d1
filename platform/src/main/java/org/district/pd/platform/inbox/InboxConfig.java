package org.district.pd.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer backs off while the database or broker is out, and how long processed events are remembered. */
@ConfigMapping(prefix = "pd.inbox")
public interface InboxConfig {

    @WithDefault("200ms")
    Duration initialBackoff();

    /** The back-off is capped here, so a consumer notices within this long that an outage has ended. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Tries before a failure that is neither poison nor a known outage is taken for poison. */
    @WithDefault("3")
    int unexplainedFailureAttempts();

    /**
     * How long a processed event id is remembered. Keep it well above the topics' retention and any replay window:
     * a record redelivered after its id was purged would be applied again.
     */
    @WithDefault("30d")
    Duration retention();
}
