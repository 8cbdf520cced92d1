package org.district.pd.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a consumer keeps retrying a record whose failure may be transient before dead-lettering it: by default
 * about a minute, which rides out a database or broker restart. Keep the channel's
 * {@code throttled.unprocessed-record-max-age.ms} above it.
 */
@ConfigMapping(prefix = "pd.inbox")
public interface InboxConfig {

    @WithDefault("10")
    int maxRetries();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
