package org.district.pd.plan.roster;

import java.util.Locale;

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
        SKIPPED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static RowResult rejected(CsvRow row, String field, String reason) {
        return new RowResult(row.file(), row.line(), sourcedId(row), Status.REJECTED, reason, field);
    }

    static RowResult skipped(CsvRow row, String reason) {
        return new RowResult(row.file(), row.line(), sourcedId(row), Status.SKIPPED, reason, null);
    }

    /** A row's own sourcedId, or for a role or profile without one, the user's it belongs to. */
    private static String sourcedId(CsvRow row) {
        String own = row.nullIfEmpty("sourcedId");
        return own != null ? own : row.nullIfEmpty("userSourcedId");
    }
}
