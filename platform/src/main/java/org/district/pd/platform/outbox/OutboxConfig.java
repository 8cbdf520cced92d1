package org.district.pd.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay polls, batches, waits for acknowledgements and keeps sent rows. */
@ConfigMapping(prefix = "pd.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent rows when it is idle. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** Upper bound for one batch to be acknowledged by the brokers. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long sent rows stay in the table for audit and replay before they are purged. */
    @WithDefault("7d")
    Duration retention();
}
