package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.UUID;

import org.district.pd.learning.educator.IdentityConflict.Resolution;
import org.district.pd.learning.educator.LearnerIdentity.Kind;

/** A conflict as district admins see it: which identity, who holds it, who claims it, and how it ended if it did. */
public record IdentityConflictView(UUID id, Kind kind, String value, UUID holderId, UUID claimantId, Instant detectedAt,
        Instant resolvedAt, Resolution resolution) {

    static IdentityConflictView of(IdentityConflict conflict) {
        return new IdentityConflictView(conflict.id, conflict.kind, conflict.value, conflict.holderId, conflict.claimantId,
                conflict.detectedAt, conflict.resolvedAt, conflict.resolution);
    }
}
