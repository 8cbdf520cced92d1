package org.district.pd.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Where a request's correlation id travels: the HTTP header, the logging MDC and the CloudEvent extension header. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CLOUD_EVENT_HEADER = "ce_correlationid";

    /** What a caller's id may look like: it goes into logs and headers, so no spaces, no control characters. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    /** The caller's id when it is safe to log and echo, or else a fresh one. */
    public static String acceptOrCreate(String callerId) {
        return callerId != null && SAFE.matcher(callerId).matches() ? callerId : UUID.randomUUID().toString();
    }
}
