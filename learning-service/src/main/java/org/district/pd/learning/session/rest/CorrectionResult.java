package org.district.pd.learning.session.rest;

import java.util.UUID;

/** What a correction did: the attendance is voided now, or there was none to take back. */
public record CorrectionResult(UUID educatorId, Outcome outcome) {

    public enum Outcome {
        VOIDED, NOT_RECORDED
    }
}
