package org.district.pd.plan.educator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a license file did: rows read, licenses set, rows rejected, and where the outcome of each row is
 * ({@code rows}, a paged report in file order).
 */
public record LicenseImport(UUID id, String startedBy, Instant startedAt, Instant finishedAt, long read, long accepted,
        long rejected, String rows) {

    /** One row's outcome: accepted with the educator it set, or rejected with the field at fault and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(long line, String sourcedId, String educatorId, String status, String field, String reason) {

        static Row accepted(long line, String sourcedId, String educatorId) {
            return new Row(line, sourcedId, educatorId, "accepted", null, null);
        }

        static Row rejected(long line, String sourcedId, String field, String reason) {
            return new Row(line, sourcedId, null, "rejected", field, reason);
        }
    }

    /** A page of the rows report. */
    public record RowPage(int page, int size, long total, List<Row> items) {
    }
}
