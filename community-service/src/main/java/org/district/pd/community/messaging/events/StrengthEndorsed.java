package org.district.pd.community.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** pd.community.strength.endorsed.v1: a colleague endorsed an educator's strength. */
public record StrengthEndorsed(UUID endorsementId, UUID educatorId, UUID endorsedBy, String strength,
        String strengthCategory, List<String> tags, Instant endorsedAt) {

    public static final String TYPE = "pd.community.strength.endorsed.v1";
}
