package org.district.pd.plan.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A ledger entry as the changes feed gives it; a reversal has negative hours and the reference it takes back. */
public record FeedEntry(UUID id, UUID educatorId, UUID eventId, String eventType, String reference, UUID offeringId,
        Instant occurredAt, Instant earnedAt, BigDecimal creditHours, String creditType, String category,
        String activitySource, String provider, Instant recordedAt, boolean reversal) {
}
