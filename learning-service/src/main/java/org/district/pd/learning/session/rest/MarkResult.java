package org.district.pd.learning.session.rest;

import java.util.UUID;

/** What marking one educator did: RECORDED, ALREADY_RECORDED (nothing changed) or UNKNOWN_EDUCATOR (not rostered). */
public record MarkResult(int index, UUID educatorId, Outcome outcome) {

    public enum Outcome {
        RECORDED, ALREADY_RECORDED, UNKNOWN_EDUCATOR
    }
}
