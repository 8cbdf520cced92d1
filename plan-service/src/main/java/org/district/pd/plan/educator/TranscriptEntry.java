package org.district.pd.plan.educator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One ledger entry on a transcript: when what it counts was earned and when the ledger recorded it, what earned it,
 * the credit as recorded (in its credit type) and, with a license, the hours it is worth under its profile. A
 * reversal has negative credit and names the entry it takes back by {@code reference}.
 */
public record TranscriptEntry(Instant earnedAt, Instant recordedAt, String eventType, String activitySource,
        String reference, UUID offeringId, String category, String creditType, BigDecimal creditHours,
        BigDecimal hours, String provider, boolean reversal) {
}
