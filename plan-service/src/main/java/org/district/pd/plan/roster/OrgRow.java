package org.district.pd.plan.roster;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A valid row of orgs.csv. */
public record OrgRow(String sourcedId, String name, String type, String identifier, String parentSourcedId,
        String status) {

    static final List<String> REQUIRED_COLUMNS = List.of("sourcedId", "name", "type");

    private static final Set<String> TYPES = Set.of("department", "school", "district", "local", "state", "national");

    static Parsed<OrgRow> parse(CsvRow row) {
        String type = row.get("type").toLowerCase(Locale.ROOT);
        String status = row.get("status").isEmpty() ? "active" : row.get("status").toLowerCase(Locale.ROOT);
        if (row.get("sourcedId").isEmpty()) {
            return reject(row, "sourcedId", "sourcedId is required");
        }
        if (row.get("name").isEmpty()) {
            return reject(row, "name", "name is required");
        }
        if (!TYPES.contains(type)) {
            return reject(row, "type", "type must be one of " + TYPES.stream().sorted().toList());
        }
        if (!RosterStatus.isKnown(status)) {
            return reject(row, "status", RosterStatus.RULE);
        }
        return Parsed.accepted(new OrgRow(row.get("sourcedId"), row.get("name"), type, row.nullIfEmpty("identifier"),
                row.nullIfEmpty("parentSourcedId"), RosterStatus.isActive(status) ? "active" : "inactive"));
    }

    public UUID id() {
        return RosterIds.orgId(sourcedId);
    }

    private static Parsed<OrgRow> reject(CsvRow row, String field, String reason) {
        return Parsed.notAccepted(RowResult.rejected(row, field, reason));
    }
}
