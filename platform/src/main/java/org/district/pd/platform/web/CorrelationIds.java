package org.district.pd.platform.web;

/** Where a request's correlation id travels: the HTTP header, the logging MDC and the CloudEvent extension header. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CLOUD_EVENT_HEADER = "ce_correlationid";

    private CorrelationIds() {
    }
}
