package org.district.pd.plan.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.district.pd.plan.roster.persistence.DirectoryRepository;
import org.district.pd.plan.roster.persistence.DirectoryRepository.EducatorsWritten;
import org.district.pd.plan.roster.persistence.ImportRepository;
import org.district.pd.plan.worker.WorkerTransactions;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One roster import, run on a worker thread: each file is streamed in batches of {@code batchSize} rows, and each
 * batch commits its rows, its events and the job's progress in one transaction. Orgs come first, then the roles and
 * profiles that users.csv rows are joined to, then the users. Only when every row has been read does a bulk import
 * deactivate the absent, so an import cut short never makes part of a roster look like the whole of it.
 */
final class RosterImportJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(RosterImportJob.class);

    private static final CsvRow NO_ROW = new CsvRow(RosterUpload.USERS + ".csv", 0, Map.of());

    private final UUID id;
    private final RosterUpload upload;
    private final Manifest manifest;
    private final int batchSize;
    private final WorkerTransactions transactions;
    private final ImportRepository imports;
    private final DirectoryRepository directory;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    RosterImportJob(UUID id, RosterUpload upload, Manifest manifest, int batchSize, Pool pool,
            ImportRepository imports, DirectoryRepository directory) {
        this.id = id;
        this.upload = upload;
        this.manifest = manifest;
        this.batchSize = batchSize;
        this.transactions = new WorkerTransactions(pool);
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
        if (manifest.has(RosterUpload.USERS)) {
            stream(RosterUpload.USERS, this::users);
        }
        if (manifest.has(RosterUpload.ROLES) || manifest.has(RosterUpload.USER_PROFILES)) {
            usersOnlyInLinkedFiles();
        }
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
            await(imports.complete(tx, id, orgsDeactivated, Instant.now()));
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
            Staged staged = takeStaged(tx, sourcedIds);
            // A delta of roles changes the roles the directory has, so needs them; a bulk one replaces them, and in
            // 1.1 a row has all its roles.
            boolean merging = manifest.rolesInOwnFile() && !manifest.mode(RosterUpload.ROLES).equals(Manifest.BULK);
            List<UUID> needed = merging ? sourcedIds.stream().map(RosterIds::educatorId).toList() : List.of();
            Map<UUID, Rostered> existing = needed.isEmpty() ? Map.of() : await(directory.rostered(needed));
            Set<String> orgs = new HashSet<>();
            rows.forEach(row -> orgs.addAll(EducatorRows.orgsNamed(row, staged.roles(row.get("sourcedId")),
                    existing.get(RosterIds.educatorId(row.get("sourcedId"))))));
            EducatorRows.Context context = new EducatorRows.Context(manifest, await(directory.activeOrgs(orgs)),
                    existing, today);

            List<RowResult> problems = new ArrayList<>();
            Map<UUID, CsvRow> lines = new HashMap<>();
            List<Rostered> accepted = new ArrayList<>();
            for (CsvRow row : rows) {
                String sourcedId = row.get("sourcedId");
                Parsed<Rostered> parsed = EducatorRows.parse(row, staged.roles(sourcedId), staged.profiles(sourcedId),
                        context);
                if (parsed.isAccepted() && lines.putIfAbsent(parsed.value().snapshot().educatorId(), row) != null) {
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

    /**
     * Applies the roles.csv and userProfiles.csv rows of users that users.csv did not have, a batch of users at a
     * time: an educator in the directory is derived again with them (a delta of roles alone); the rows of anyone else
     * are rejected. Those rows were counted as accepted when read; the rejected ones move to rejected.
     */
    private void usersOnlyInLinkedFiles() {
        boolean wholeUsers = manifest.mode(RosterUpload.USERS).equals(Manifest.BULK);
        int users;
        do {
            users = transaction(tx -> {
                Staged staged = new Staged(await(directory.takeStagedUsers(tx, id, batchSize)));
                // A bundle whose users.csv is the whole set has said who is left: its other rows change no one.
                Map<UUID, Rostered> existing = wholeUsers || staged.users().isEmpty() ? Map.of()
                        : await(directory.rostered(staged.users().stream().map(RosterIds::educatorId).toList()));
                Set<String> orgs = new HashSet<>();
                staged.users().forEach(user -> orgs.addAll(EducatorRows.orgsNamed(NO_ROW, staged.roles(user),
                        existing.get(RosterIds.educatorId(user)))));
                EducatorRows.Context context = new EducatorRows.Context(manifest, await(directory.activeOrgs(orgs)),
                        existing, today);
                List<RowResult> problems = new ArrayList<>();
                List<Rostered> accepted = new ArrayList<>();
                for (String user : staged.users()) {
                    Rostered rostered = existing.get(RosterIds.educatorId(user));
                    if (rostered == null) {
                        String reason = wholeUsers ? "user " + user + " is not in users.csv, which this bundle declares "
                                + "whole" : "user " + user + " is neither in users.csv nor in the directory";
                        staged.rows(user).forEach(row -> problems.add(RowResult.rejected(row, "userSourcedId", reason)));
                        continue;
                    }
                    Parsed<Rostered> parsed = EducatorRows.reparse(staged.rows(user).get(0), staged.roles(user),
                            staged.profiles(user), rostered, context);
                    if (parsed.isAccepted()) {
                        accepted.add(parsed.value());
                    } else {
                        staged.rows(user).forEach(row -> problems.add(RowResult.rejected(row,
                                parsed.problem().field(), parsed.problem().reason())));
                    }
                }
                EducatorsWritten written = accepted.isEmpty() ? new EducatorsWritten(Set.of(), 0)
                        : await(directory.upsertEducators(tx, id, accepted, Instant.now()));
                await(imports.progress(tx, id, new ImportProgress(0, -problems.size(), problems, written.changed(), 0),
                        Instant.now()));
                return staged.users().size();
            });
        } while (users == batchSize);
    }

    /** The roles.csv and userProfiles.csv rows of a batch of users, taken from where the import staged them. */
    private Staged takeStaged(SqlConnection tx, Set<String> users) {
        return manifest.has(RosterUpload.ROLES) || manifest.has(RosterUpload.USER_PROFILES)
                ? new Staged(await(directory.takeStaged(tx, id, users)))
                : new Staged(List.of());
    }

    /** Staged rows by user, in file and line order; a tobedeleted profile is dropped, a tobedeleted role deletes. */
    private record Staged(Map<String, List<CsvRow>> byUser) {

        Staged(List<CsvRow> rows) {
            this(group(rows));
        }

        private static Map<String, List<CsvRow>> group(List<CsvRow> rows) {
            Map<String, List<CsvRow>> byUser = new LinkedHashMap<>();
            rows.forEach(row -> byUser.computeIfAbsent(row.get("userSourcedId"), key -> new ArrayList<>()).add(row));
            return byUser;
        }

        Set<String> users() {
            return byUser.keySet();
        }

        List<CsvRow> rows(String user) {
            return byUser.getOrDefault(user, List.of());
        }

        List<RoleRow> roles(String user) {
            return rows(user).stream().filter(row -> row.file().equals(RosterUpload.ROLES + ".csv"))
                    .map(row -> RoleRow.parse(row).value()).toList();
        }

        List<CsvRow> profiles(String user) {
            return rows(user).stream().filter(row -> row.file().equals(RosterUpload.USER_PROFILES + ".csv"))
                    .filter(row -> RosterStatus.isActive(row.get("status"))).toList();
        }
    }

    private static RowResult profileProblem(CsvRow row) {
        for (String required : List.of("userSourcedId", "username")) {
            if (row.get(required).isEmpty()) {
                return RowResult.rejected(row, required, required + " is required");
            }
        }
        return RosterStatus.isKnown(row.get("status")) ? null : RowResult.rejected(row, "status", RosterStatus.RULE);
    }

    private <T> T transaction(Function<SqlConnection, T> work) {
        return transactions.run(work);
    }

    private static <T> T await(Uni<T> step) {
        return WorkerTransactions.await(step);
    }
}
