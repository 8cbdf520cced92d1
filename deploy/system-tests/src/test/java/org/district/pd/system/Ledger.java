package org.district.pd.system;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** plan-service's credit-hour ledger for one test's educators, read straight from its database: pd_plan.ledger_entry. */
final class Ledger {

    /** One entry: {@code sourceRef} is the completion id, {@code recordedAt} when plan-service wrote it (its clock). */
    record Entry(String sourceRef, UUID eventId, Instant recordedAt) {
    }

    private static final String DATABASE = "pd_plan";

    private final UUID[] educators;

    Ledger(TestDistrict district) {
        this.educators = district.teachers.stream().map(teacher -> UUID.fromString(teacher.educatorId())).toArray(UUID[]::new);
    }

    long count() {
        return ServiceDatabases.read(DATABASE, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from ledger_entry where educator_id = any(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", educators));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    List<Entry> entries() {
        return ServiceDatabases.read(DATABASE, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select source_ref, event_id, recorded_at from ledger_entry where educator_id = any(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", educators));
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Entry(rows.getString(1), rows.getObject(2, UUID.class),
                                rows.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
                return entries;
            }
        });
    }
}
