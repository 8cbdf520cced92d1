package org.district.pd.plan.educator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a license file did: rows read, licenses set, rows rejected, and for each row its outcome in file order (the
 * licenses set name their educator; a rejected row names the field at fault and why).
 */
public record LicenseImport(long read, long accepted, long rejected, List<Row> rows) {

    /** One row's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(long line, String sourcedId, String educatorId, String status, String field, String reason) {

        static Row accepted(long line, String sourcedId, String educatorId) {
            return new Row(line, sourcedId, educatorId, "accepted", null, null);
        }

        static Row rejected(long line, String sourcedId, String field, String reason) {
            return new Row(line, sourcedId, null, "rejected", field, reason);
        }
    }
}
