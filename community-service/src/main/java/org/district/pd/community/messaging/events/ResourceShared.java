package org.district.pd.community.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** pd.community.resource.shared.v1: a member shared a resource in a community. */
public record ResourceShared(UUID resourceId, UUID educatorId, UUID communityId, String url, String title,
        String kind, List<String> tags, String note, Instant sharedAt) {

    public static final String TYPE = "pd.community.resource.shared.v1";
}
