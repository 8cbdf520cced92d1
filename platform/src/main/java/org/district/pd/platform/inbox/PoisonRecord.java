package org.district.pd.platform.inbox;

/** A record that can never be processed, however often it is retried; it goes to the dead-letter topic. */
public class PoisonRecord extends RuntimeException {

    public PoisonRecord(String reason) {
        super(reason);
    }

    public static PoisonRecord unknownType(String type) {
        return new PoisonRecord("unknown event type '" + type + "'");
    }
}
