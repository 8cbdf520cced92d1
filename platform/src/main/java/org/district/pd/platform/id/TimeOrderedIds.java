package org.district.pd.platform.id;

import java.util.UUID;

/**
 * Ids for rows of the tables that grow with every completion, attendance and event: UUID version 7 (RFC 9562), whose
 * first 48 bits are the Unix time in milliseconds and whose other 74 bits are as random as a version 4 UUID's.
 *
 * <p>Why: a random id lands on a random page of its index, so once an index outgrows memory each insert reads a page,
 * dirties it and, after a checkpoint, writes it whole to the WAL again. Ids that rise with time append to the index's
 * right edge, where the pages are already in memory. Every service writes these ids and reads them only as opaque
 * UUIDs; events keep them as their ids, so consumers' inboxes and the ledger append too.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;

    private TimeOrderedIds() {
    }

    /** A new id: its time is now; ids made in the same millisecond are in no particular order. */
    public static UUID next() {
        return at(System.currentTimeMillis(), UUID.randomUUID());
    }

    /** The version 7 id for this Unix time in milliseconds, taking its random bits from a version 4 UUID. */
    static UUID at(long unixMillis, UUID random) {
        long timeAndVersion = (unixMillis << 16) | VERSION_7 | (random.getMostSignificantBits() & 0x0FFFL);
        // The low half keeps the random UUID's variant bits (10), which version 7 shares with version 4.
        return new UUID(timeAndVersion, random.getLeastSignificantBits());
    }
}
