package org.district.pd.plan.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What became of one CSV row that was not simply accepted, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(String file, long line, String sourcedId, Status status, String reason, String field) {

    /** The outcome of a row, written in lower case as in the import report. */
    public enum Status {
        @JsonProperty("accepted")
        ACCEPTED,
        @JsonProperty("rejected")
        REJECTED,
        @JsonProperty("skipped")
        SKIPPED
    }

    static RowResult rejected(CsvRow row, String field, String reason) {
        return new RowResult(row.file(), row.line(), row.nullIfEmpty("sourcedId"), Status.REJECTED, reason, field);
    }

    static RowResult skipped(CsvRow row, String reason) {
        return new RowResult(row.file(), row.line(), row.nullIfEmpty("sourcedId"), Status.SKIPPED, reason, null);
    }
}
