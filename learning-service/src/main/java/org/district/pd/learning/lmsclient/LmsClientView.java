package org.district.pd.learning.lmsclient;

import java.time.Instant;

/** A client's binding as the API shows it. */
public record LmsClientView(String clientId, String lms, Instant boundAt, String boundBy) {

    static LmsClientView of(LmsClient client) {
        return new LmsClientView(client.clientId, client.lms, client.boundAt, client.boundBy);
    }
}
