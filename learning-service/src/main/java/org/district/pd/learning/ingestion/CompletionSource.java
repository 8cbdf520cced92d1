package org.district.pd.learning.ingestion;

/** How a completion reached this service, as course.completed reports it. */
public enum CompletionSource {
    LMS, XAPI, FACILITATOR, EXTERNAL_APPROVED
}
