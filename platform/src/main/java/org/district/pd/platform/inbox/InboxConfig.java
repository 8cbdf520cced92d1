package org.district.pd.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a consumer keeps retrying a record whose failure may be transient before dead-lettering it. */
@ConfigMapping(prefix = "pd.inbox")
public interface InboxConfig {

    @WithDefault("12")
    int maxRetries();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("15s")
    Duration maxBackoff();
}
