package org.district.pd.plan.roster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Every service derives the same ids from the SIS's sourcedIds, so tokens and events agree without a lookup. */
public final class RosterIds {

    private RosterIds() {
    }

    /** The id in tokens ({@code educator_id}) and on every event. */
    public static UUID educatorId(String sourcedId) {
        return UUID.nameUUIDFromBytes(("educator:" + sourcedId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of an org; a school's is the one in principals' tokens ({@code school_ids}). */
    public static UUID orgId(String sourcedId) {
        return UUID.nameUUIDFromBytes(("org:" + sourcedId).getBytes(StandardCharsets.UTF_8));
    }
}
