package org.district.pd.plan.educator.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.educator.LicenseImport;
import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.persistence.LicenseRepository;
import org.district.pd.platform.web.PageRequest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** License imports and their rows reports; a batch's licenses, rows and counts are written in one transaction. */
@ApplicationScoped
public class LicenseImportRepository {

    private static final String START = """
            insert into license_import (id, started_by, started_at, read, accepted, rejected) values ($1, $2, $3, 0, 0, 0)""";
    private static final String COUNT = """
            update license_import set read = read + $2, accepted = accepted + $3, rejected = rejected + $4
            where id = $1""";
    private static final String FINISH = "update license_import set finished_at = $2 where id = $1";
    private static final String ADD_ROWS = """
            insert into license_import_row (import_id, line, sourced_id, educator_id, status, field, reason)
            select $1, * from unnest($2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])""";
    private static final String FIND = "select * from license_import where id = $1";
    private static final String ROWS = """
            select line, sourced_id, educator_id, status, field, reason
            from license_import_row where import_id = $1 order by line limit $2 offset $3""";

    private final Pool pool;
    private final LicenseRepository licenses;

    LicenseImportRepository(Pool pool, LicenseRepository licenses) {
        this.pool = pool;
        this.licenses = licenses;
    }

    public Uni<Void> start(UUID id, String by, Instant at) {
        return pool.preparedQuery(START).execute(Tuple.of(id, by, at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** One batch: its licenses set, every row's outcome and the import's counts, all or nothing. */
    public Uni<Void> batch(UUID id, List<Map.Entry<UUID, License>> valid, List<LicenseImport.Row> rows, String by,
            Instant now) {
        long accepted = rows.stream().filter(row -> row.status().equals("accepted")).count();
        Tuple parameters = Tuple.tuple().addValue(id)
                .addValue(rows.stream().map(LicenseImport.Row::line).toArray(Long[]::new))
                .addValue(rows.stream().map(LicenseImport.Row::sourcedId).toArray(String[]::new))
                .addValue(rows.stream().map(row -> row.educatorId() == null ? null : UUID.fromString(row.educatorId()))
                        .toArray(UUID[]::new))
                .addValue(rows.stream().map(LicenseImport.Row::status).toArray(String[]::new))
                .addValue(rows.stream().map(LicenseImport.Row::field).toArray(String[]::new))
                .addValue(rows.stream().map(LicenseImport.Row::reason).toArray(String[]::new));
        return pool.withTransaction(connection -> licenses.saveAll(connection, valid, by, now)
                .chain(() -> connection.preparedQuery(ADD_ROWS).execute(parameters))
                .chain(() -> connection.preparedQuery(COUNT)
                        .execute(Tuple.of(id, (long) rows.size(), accepted, rows.size() - accepted)))
                .replaceWithVoid());
    }

    public Uni<Void> finish(UUID id, Instant at) {
        return pool.preparedQuery(FINISH).execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Optional<LicenseImport>> find(UUID id, String rowsPath) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new LicenseImport(row.getUUID("id"), row.getString("started_by"),
                    instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")),
                    row.getLong("read"), row.getLong("accepted"), row.getLong("rejected"), rowsPath));
        });
    }

    /** A page of the rows of an import of {@code total} rows. */
    public Uni<LicenseImport.RowPage> rows(UUID id, long total, PageRequest page) {
        return pool.preparedQuery(ROWS).execute(Tuple.of(id, page.size(), page.page() * page.size())).map(rows -> {
            List<LicenseImport.Row> items = new ArrayList<>();
            for (Row row : rows) {
                UUID educator = row.getUUID("educator_id");
                items.add(new LicenseImport.Row(row.getLong("line"), row.getString("sourced_id"),
                        educator == null ? null : educator.toString(), row.getString("status"), row.getString("field"),
                        row.getString("reason")));
            }
            return new LicenseImport.RowPage(page.page(), page.size(), total, items);
        });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
