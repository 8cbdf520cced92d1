package org.district.pd.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, with the field-level violations that made a request invalid. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One thing wrong with one field; {@code field} is a JSON path such as {@code items[3].completedAt}. */
    public record Violation(String field, String message) {
    }
}
