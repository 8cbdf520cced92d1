package org.district.pd.learning.session.rest;

import java.time.Instant;

/** The code to show now; it rotates at {@code rotatesAt} and is still accepted for one step after. */
public record CheckInCodeView(String code, Instant rotatesAt, int stepSeconds, Instant windowOpens,
        Instant windowCloses) {
}
