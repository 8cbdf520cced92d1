package org.district.pd.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay polls, batches, waits for the broker, retries a failing row and keeps sent rows. */
@ConfigMapping(prefix = "pd.outbox")
public interface OutboxConfig {

    /** Whether this process runs a relay at all; tests that drive relays themselves turn it off. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent rows when it is idle. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows read and sent per round. */
    @WithDefault("500")
    int batchSize();

    /** Upper bound for one round's acknowledgements, and for each database statement of the relay. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long a send waits for an unknown topic's metadata before that row fails. */
    @WithDefault("5s")
    Duration metadataTimeout();

    /** Attempts of a row the broker refuses, before it is parked. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before a failed row's second attempt; doubled for each further one, up to {@link #maxRetryDelay()}. */
    @WithDefault("1s")
    Duration initialRetryDelay();

    @WithDefault("1m")
    Duration maxRetryDelay();

    /** Longest pause between rounds while the database or the broker is unreachable. */
    @WithDefault("5s")
    Duration maxOutageBackoff();

    /** How long sent rows stay in the table for audit before they are purged. */
    @WithDefault("7d")
    Duration retention();
}
