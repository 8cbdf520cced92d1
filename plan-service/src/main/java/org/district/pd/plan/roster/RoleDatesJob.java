package org.district.pd.plan.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.district.pd.plan.roster.persistence.DirectoryRepository;
import org.district.pd.plan.roster.persistence.DirectoryRepository.EducatorsWritten;
import org.district.pd.plan.roster.persistence.ImportRepository;
import org.district.pd.plan.worker.WorkerTransactions;

/**
 * A role counts from its begin date through its end date, whether or not an import comes on those days. This job
 * derives again, from what the directory kept, the educators with a role that began or ended after the day roles were
 * last evaluated, up to {@code today}, and publishes those it changes. It runs as a roster job of its own (format
 * {@code role-dates}), so never beside an import, a batch of educators per transaction.
 */
final class RoleDatesJob implements Runnable {

    /** Nothing in the bundle: each educator is derived from their kept row and roles alone. */
    private static final Manifest KEPT_ROLES = new Manifest("1.2", Map.of(RosterUpload.ROLES, Manifest.DELTA));

    private final UUID id;
    private final LocalDate today;
    private final int batchSize;
    private final WorkerTransactions transactions;
    private final ImportRepository imports;
    private final DirectoryRepository directory;
    private int reported;

    RoleDatesJob(UUID id, LocalDate today, int batchSize, WorkerTransactions transactions, ImportRepository imports,
            DirectoryRepository directory) {
        this.id = id;
        this.today = today;
        this.batchSize = batchSize;
        this.transactions = transactions;
        this.imports = imports;
        this.directory = directory;
    }

    @Override
    public void run() {
        LocalDate since = WorkerTransactions.await(directory.rolesEvaluatedThrough());
        UUID after = new UUID(0, 0);
        List<Rostered> batch;
        do {
            batch = WorkerTransactions.await(directory.roleDateCandidates(since, today, after, batchSize));
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).snapshot().educatorId();
                evaluate(batch);
            }
        } while (batch.size() == batchSize);
        transactions.run(tx -> {
            WorkerTransactions.await(directory.rolesEvaluated(tx, today));
            WorkerTransactions.await(imports.complete(tx, id, 0, Instant.now()));
            return null;
        });
    }

    private void evaluate(List<Rostered> educators) {
        Set<String> orgs = new HashSet<>();
        Map<UUID, Rostered> existing = new HashMap<>();
        for (Rostered educator : educators) {
            educator.source().roles().forEach(role -> orgs.add(role.orgSourcedId()));
            existing.put(educator.snapshot().educatorId(), educator);
        }
        transactions.run(tx -> {
            EducatorRows.Context context = new EducatorRows.Context(KEPT_ROLES,
                    WorkerTransactions.await(directory.activeOrgs(orgs)), existing, today);
            List<Rostered> accepted = new ArrayList<>();
            List<RowResult> problems = new ArrayList<>();
            for (Rostered educator : educators) {
                CsvRow row = new CsvRow("directory", ++reported, Map.of("sourcedid", educator.snapshot().sourcedId()));
                Parsed<Rostered> parsed = EducatorRows.reparse(row, List.of(), List.of(), educator, context);
                if (parsed.isAccepted()) {
                    accepted.add(parsed.value());
                } else {
                    problems.add(parsed.problem());
                }
            }
            EducatorsWritten written = accepted.isEmpty() ? new EducatorsWritten(Set.of(), 0)
                    : WorkerTransactions.await(directory.upsertEducators(tx, id, accepted, Instant.now()));
            WorkerTransactions.await(imports.progress(tx, id, new ImportProgress(educators.size(), accepted.size(),
                    problems, written.changed(), 0), Instant.now()));
            return null;
        });
    }
}
