package org.district.pd.plan.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.district.pd.plan.messaging.events.EducatorUpserted;
import org.district.pd.plan.roster.persistence.DirectoryRepository;
import org.district.pd.plan.roster.persistence.DirectoryRepository.EducatorsWritten;
import org.district.pd.plan.roster.persistence.ImportRepository;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * One roster import, run on a worker thread: each file is streamed in batches of {@code batchSize} rows, and each
 * batch commits its rows, its events and the job's progress in one transaction. Orgs come first, then the roles and
 * profiles that users.csv rows are joined to, then the users. Only when every row has been read does a bulk import
 * deactivate the absent, so an import cut short never makes part of a roster look like the whole of it.
 */
final class RosterImportJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(RosterImportJob.class);

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    private final UUID id;
    private final RosterUpload upload;
    private final Manifest manifest;
    private final int batchSize;
    private final Pool pool;
    private final ImportRepository imports;
    private final DirectoryRepository directory;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    RosterImportJob(UUID id, RosterUpload upload, Manifest manifest, int batchSize, Pool pool,
            ImportRepository imports, DirectoryRepository directory) {
        this.id = id;
        this.upload = upload;
        this.manifest = manifest;
        this.batchSize = batchSize;
        this.pool = pool;
        this.imports = imports;
        this.directory = directory;
    }

    @Override
    public void run() {
        if (manifest.has(RosterUpload.ORGS)) {
            stream(RosterUpload.ORGS, this::orgs);
        }
        for (String linked : List.of(RosterUpload.ROLES, RosterUpload.USER_PROFILES)) {
            if (manifest.has(linked)) {
                stream(linked, batch -> stage(linked, batch));
            }
        }
        stream(RosterUpload.USERS, this::users);
        if (manifest.mode(RosterUpload.USERS).equals(Manifest.BULK)) {
            int deactivated;
            do {
                deactivated = transaction(tx -> {
                    int count = await(directory.deactivateAbsentEducators(tx, id, Instant.now(), batchSize));
                    await(imports.progress(tx, id, new ImportProgress(0, 0, List.of(), 0, count), Instant.now()));
                    return count;
                });
            } while (deactivated == batchSize);
        }
        transaction(tx -> {
            int orgsDeactivated = manifest.mode(RosterUpload.ORGS).equals(Manifest.BULK)
                    ? await(directory.deactivateAbsentOrgs(tx, id, Instant.now())) : 0;
            int unclaimed = await(imports.reportUnclaimed(tx, id));
            await(imports.complete(tx, id, orgsDeactivated, unclaimed, Instant.now()));
            return null;
        });
    }

    private void stream(String part, Consumer<List<CsvRow>> apply) {
        long started = System.nanoTime();
        long rows = 0;
        try (RosterCsv csv = RosterCsv.open(part, upload.path(part), RosterColumns.required(part, manifest))) {
            List<CsvRow> batch = new ArrayList<>(batchSize);
            while (csv.hasNext()) {
                batch.add(csv.next());
                rows++;
                if (batch.size() == batchSize) {
                    apply.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                apply.accept(batch);
            }
        }
        LOG.infof("roster import %s: %d rows of %s.csv in %d ms", id, rows, part, (System.nanoTime() - started) / 1_000_000);
    }

    private void orgs(List<CsvRow> rows) {
        List<RowResult> problems = new ArrayList<>();
        Map<String, CsvRow> lines = new HashMap<>();
        List<OrgRow> accepted = new ArrayList<>();
        for (CsvRow row : rows) {
            Parsed<OrgRow> parsed = OrgRow.parse(row);
            if (parsed.isAccepted() && lines.putIfAbsent(parsed.value().sourcedId(), row) != null) {
                parsed = Parsed.notAccepted(RowResult.rejected(row, "sourcedId", "sourcedId appears twice in orgs.csv"));
            }
            if (parsed.isAccepted()) {
                accepted.add(parsed.value());
            } else {
                problems.add(parsed.problem());
            }
        }
        transaction(tx -> {
            Set<String> repeated = accepted.isEmpty() ? Set.of() : await(directory.upsertOrgs(tx, id, accepted, Instant.now()));
            repeated.forEach(sourcedId -> problems.add(RowResult.rejected(lines.get(sourcedId), "sourcedId",
                    "sourcedId appears twice in orgs.csv")));
            await(imports.progress(tx, id, new ImportProgress(rows.size(), accepted.size() - repeated.size(),
                    problems, 0, 0), Instant.now()));
            return null;
        });
    }

    /** Keeps the valid rows of roles.csv or userProfiles.csv for the users they belong to. */
    private void stage(String part, List<CsvRow> rows) {
        List<RowResult> problems = new ArrayList<>();
        List<CsvRow> valid = new ArrayList<>();
        for (CsvRow row : rows) {
            RowResult problem = part.equals(RosterUpload.ROLES) ? RoleRow.parse(row).problem() : profileProblem(row);
            if (problem == null) {
                valid.add(row);
            } else {
                problems.add(problem);
            }
        }
        transaction(tx -> {
            await(directory.stage(tx, id, valid));
            await(imports.progress(tx, id, new ImportProgress(rows.size(), valid.size(), problems, 0, 0), Instant.now()));
            return null;
        });
    }

    private void users(List<CsvRow> rows) {
        Set<String> sourcedIds = new HashSet<>();
        rows.forEach(row -> sourcedIds.add(row.get("sourcedId")));
        transaction(tx -> {
            Map<String, List<RoleRow>> roles = new HashMap<>();
            Map<String, List<CsvRow>> profiles = new HashMap<>();
            if (manifest.has(RosterUpload.ROLES) || manifest.has(RosterUpload.USER_PROFILES)) {
                for (CsvRow staged : await(directory.takeStaged(tx, id, sourcedIds))) {
                    String user = staged.get("userSourcedId");
                    if (!RosterStatus.isActive(staged.get("status"))) {
                        continue;
                    }
                    if (staged.file().equals(RosterUpload.ROLES + ".csv")) {
                        roles.computeIfAbsent(user, key -> new ArrayList<>()).add(RoleRow.parse(staged).value());
                    } else {
                        profiles.computeIfAbsent(user, key -> new ArrayList<>()).add(staged);
                    }
                }
            }
            Set<String> orgs = new HashSet<>();
            roles.values().forEach(list -> list.forEach(role -> orgs.add(role.orgSourcedId())));
            rows.forEach(row -> orgs.addAll(row.list("orgSourcedIds")));
            // Only a 1.2 user without roles in the bundle keeps the ones they had; most batches have none.
            List<UUID> withoutRoles = sourcedIds.stream().filter(user -> !roles.containsKey(user))
                    .map(RosterIds::educatorId).toList();
            Map<UUID, EducatorUpserted> existing = manifest.rolesInOwnFile() && !withoutRoles.isEmpty()
                    ? await(directory.snapshots(withoutRoles))
                    : Map.of();
            EducatorRows.Context context = new EducatorRows.Context(manifest, await(directory.activeOrgs(orgs)),
                    existing, today);

            List<RowResult> problems = new ArrayList<>();
            Map<UUID, CsvRow> lines = new HashMap<>();
            List<EducatorUpserted> accepted = new ArrayList<>();
            for (CsvRow row : rows) {
                String sourcedId = row.get("sourcedId");
                Parsed<EducatorUpserted> parsed = EducatorRows.parse(row, roles.getOrDefault(sourcedId, List.of()),
                        profiles.getOrDefault(sourcedId, List.of()), context);
                if (parsed.isAccepted() && lines.putIfAbsent(parsed.value().educatorId(), row) != null) {
                    parsed = Parsed.notAccepted(RowResult.rejected(row, "sourcedId", "sourcedId appears twice in users.csv"));
                }
                if (parsed.isAccepted()) {
                    accepted.add(parsed.value());
                } else {
                    problems.add(parsed.problem());
                }
            }
            EducatorsWritten written = accepted.isEmpty() ? new EducatorsWritten(Set.of(), 0)
                    : await(directory.upsertEducators(tx, id, accepted, Instant.now()));
            await(directory.markSeen(tx, id, problems.stream().filter(row -> row.status() == RowResult.Status.REJECTED)
                    .map(RowResult::sourcedId).filter(Objects::nonNull).toList()));
            written.repeated().forEach(educator -> problems.add(RowResult.rejected(lines.get(educator), "sourcedId",
                    "sourcedId appears twice in users.csv")));
            await(imports.progress(tx, id, new ImportProgress(rows.size(), accepted.size() - written.repeated().size(),
                    problems, written.changed(), 0), Instant.now()));
            return null;
        });
    }

    private static RowResult profileProblem(CsvRow row) {
        for (String required : List.of("userSourcedId", "username")) {
            if (row.get(required).isEmpty()) {
                return RowResult.rejected(row, required, required + " is required");
            }
        }
        return RosterStatus.isKnown(row.get("status")) ? null : RowResult.rejected(row, "status", RosterStatus.RULE);
    }

    /**
     * Runs {@code work} in a transaction of its own connection. The work awaits each statement on this worker thread,
     * so the rules in between run here too, never on the event loop.
     */
    private <T> T transaction(Function<SqlConnection, T> work) {
        SqlConnection connection = await(pool.getConnection());
        try {
            Transaction tx = await(connection.begin());
            try {
                T result = work.apply(connection);
                await(tx.commit());
                return result;
            } catch (RuntimeException e) {
                tx.rollback().subscribe().with(done -> { }, failure -> { });
                throw e;
            }
        } finally {
            connection.close().subscribe().with(done -> { }, failure -> { });
        }
    }

    private static <T> T await(Uni<T> step) {
        return step.await().atMost(STEP_TIMEOUT);
    }
}
