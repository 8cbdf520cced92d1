package org.district.pd.plan.roster.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.roster.ImportProgress;
import org.district.pd.plan.roster.ImportRowPage;
import org.district.pd.plan.roster.ImportView;
import org.district.pd.plan.roster.ImportView.EducatorCounts;
import org.district.pd.plan.roster.ImportView.Modes;
import org.district.pd.plan.roster.ImportView.OrgCounts;
import org.district.pd.plan.roster.ImportView.RowCounts;
import org.district.pd.plan.roster.Manifest;
import org.district.pd.plan.roster.RosterUpload;
import org.district.pd.plan.roster.RowResult;
import org.district.pd.platform.web.PageRequest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Roster import jobs: their state and counts, and the per-row report of the rows they did not accept. */
@ApplicationScoped
public class ImportRepository {

    private static final String START = """
            insert into roster_import (id, status, format, users_mode, orgs_mode, requested_by, started_at, heartbeat_at)
            values ($1, 'running', $2, $3, $4, $5, $6, $6)""";

    private static final String RUNNING = "select id from roster_import where status = 'running'";

    private static final String FIND = "select * from roster_import where id = $1";

    private static final String PROGRESS = """
            update roster_import set rows_read = rows_read + $2, rows_accepted = rows_accepted + $3,
                rows_rejected = rows_rejected + $4, rows_skipped = rows_skipped + $5,
                educators_changed = educators_changed + $6, educators_deactivated = educators_deactivated + $7,
                heartbeat_at = $8
            where id = $1 and status = 'running'""";

    private static final String ADD_ROWS = """
            insert into roster_import_row (import_id, file, line, sourced_id, status, field, reason)
            select $1, * from unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
            on conflict do nothing""";

    private static final String FINISH = """
            update roster_import set status = $2, finished_at = $3, heartbeat_at = $3, error = $4,
                orgs_deactivated = orgs_deactivated + $5
            where id = $1 and status = 'running'""";

    private static final String FAIL_STALE = """
            update roster_import set status = 'failed', finished_at = $2,
                error = 'interrupted: plan-service stopped while this import ran. The rows it had imported stay;'
                        || ' import the same files again to finish, which is safe'
            where status = 'running' and heartbeat_at < $1
            returning id""";

    private static final String ROWS = """
            select file, line, sourced_id, status, field, reason, count(*) over () as total
            from roster_import_row where import_id = $1 order by file, line limit $2 offset $3""";

    private static final String LIST = "select * from roster_import order by started_at desc, id limit $1 offset $2";

    private final Pool pool;

    ImportRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a new running import; fails with a unique violation (a 409) if another one is running. */
    public Uni<Void> start(UUID id, Manifest manifest, String requestedBy, Instant now) {
        Tuple parameters = Tuple.of(id, manifest.format(), manifest.mode(RosterUpload.USERS),
                manifest.mode(RosterUpload.ORGS), requestedBy, utc(now));
        return pool.preparedQuery(START).execute(parameters).replaceWithVoid();
    }

    /** Records the running job that evaluates role dates: no files, format {@code role-dates}. */
    public Uni<Void> startRoleDates(UUID id, Instant now) {
        Tuple parameters = Tuple.of(id, "role-dates", Manifest.ABSENT, Manifest.ABSENT, "plan-service", utc(now));
        return pool.preparedQuery(START).execute(parameters).replaceWithVoid();
    }

    public Uni<Optional<UUID>> running() {
        return pool.query(RUNNING).execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    public Uni<Optional<ImportView>> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    public Uni<List<ImportView>> list(PageRequest page) {
        return pool.preparedQuery(LIST).execute(Tuple.of(page.size(), page.page() * page.size())).map(rows -> {
            List<ImportView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    public Uni<ImportRowPage> rows(UUID id, PageRequest page) {
        return pool.preparedQuery(ROWS).execute(Tuple.of(id, page.size(), page.page() * page.size())).map(rows -> {
            List<RowResult> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                items.add(new RowResult(row.getString("file"), row.getLong("line"), row.getString("sourced_id"),
                        RowResult.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                        row.getString("reason"), row.getString("field")));
            }
            return new ImportRowPage(page.page(), page.size(), total, items);
        });
    }

    /**
     * Adds a batch's counts and report rows on {@code tx}, the batch's own transaction, and beats the heartbeat. Fails
     * when the import is no longer running (declared interrupted meanwhile), which rolls the batch back.
     */
    public Uni<Void> progress(SqlConnection tx, UUID id, ImportProgress progress, Instant now) {
        Tuple counts = Tuple.tuple().addUUID(id).addInteger(progress.read()).addInteger(progress.accepted())
                .addInteger(progress.rejected()).addInteger(progress.skipped()).addInteger(progress.changed())
                .addInteger(progress.deactivated()).addOffsetDateTime(utc(now));
        return tx.preparedQuery(PROGRESS).execute(counts).flatMap(updated -> {
            if (updated.rowCount() == 0) {
                return Uni.createFrom().failure(new IllegalStateException("import " + id + " is no longer running"));
            }
            return addRows(tx, id, progress.problems());
        });
    }

    /** Completes the import on {@code tx}, with the orgs a bulk import deactivated. */
    public Uni<Void> complete(SqlConnection tx, UUID id, int orgsDeactivated, Instant now) {
        Tuple parameters = Tuple.tuple().addUUID(id).addString("completed").addOffsetDateTime(utc(now))
                .addString(null).addInteger(orgsDeactivated);
        return tx.preparedQuery(FINISH).execute(parameters).replaceWithVoid();
    }

    public Uni<Void> fail(UUID id, String error, Instant now) {
        Tuple parameters = Tuple.tuple().addUUID(id).addString("failed").addOffsetDateTime(utc(now))
                .addString(error).addInteger(0);
        return pool.preparedQuery(FINISH).execute(parameters).replaceWithVoid();
    }

    /** Fails the imports whose runner has not beaten for {@code silence}: it stopped; returns their ids. */
    public Uni<List<UUID>> failStale(Duration silence, Instant now) {
        return pool.preparedQuery(FAIL_STALE).execute(Tuple.of(utc(now.minus(silence)), utc(now))).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    private Uni<Void> addRows(SqlConnection tx, UUID id, List<RowResult> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple parameters = Tuple.tuple().addUUID(id)
                .addArrayOfString(rows.stream().map(RowResult::file).toArray(String[]::new))
                .addArrayOfLong(rows.stream().map(RowResult::line).toArray(Long[]::new))
                .addArrayOfString(rows.stream().map(RowResult::sourcedId).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(row -> row.status().value()).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(RowResult::field).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(RowResult::reason).toArray(String[]::new));
        return tx.preparedQuery(ADD_ROWS).execute(parameters).replaceWithVoid();
    }

    private static ImportView view(Row row) {
        UUID id = row.getUUID("id");
        return new ImportView(id, row.getString("status"), row.getString("format"),
                new Modes(row.getString("users_mode"), row.getString("orgs_mode")),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")),
                new RowCounts(row.getInteger("rows_read"), row.getInteger("rows_accepted"),
                        row.getInteger("rows_rejected"), row.getInteger("rows_skipped")),
                new EducatorCounts(row.getInteger("educators_changed"), row.getInteger("educators_deactivated")),
                new OrgCounts(row.getInteger("orgs_deactivated")), row.getString("error"),
                "/api/v1/plans/roster/imports/" + id + "/rows");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
