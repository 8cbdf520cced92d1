package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.UUID;

/** A linked identity, and how many held completions the link released with credit. */
public record LinkView(LearnerIdentity.Kind kind, String value, UUID educatorId, String linkedBy, Instant linkedAt,
        int creditedCompletions) {
}
