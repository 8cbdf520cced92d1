package org.district.pd.community;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** community-service's own settings. */
@ConfigMapping(prefix = "pd.community")
public interface CommunityConfig {

    /** The district's time zone: recurring meetings keep their local time in it, growth is counted in its months. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** At most this many occurrences of a recurring meeting are scheduled at once. */
    @WithDefault("60")
    int maxOccurrences();
}
