package org.district.pd.learning.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** Published when an educator rates an offering or changes their rating; contract: pd.learning.offering.rated.v1. */
public record OfferingRated(UUID offeringId, UUID educatorId, int stars, Instant ratedAt) {

    public static final String TYPE = "pd.learning.offering.rated.v1";
}
