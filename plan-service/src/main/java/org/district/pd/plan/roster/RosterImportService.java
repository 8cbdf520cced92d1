package org.district.pd.plan.roster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.district.pd.plan.roster.persistence.DirectoryRepository;
import org.district.pd.plan.roster.persistence.ImportRepository;
import org.district.pd.plan.worker.WorkerThreads;
import org.district.pd.plan.worker.WorkerTransactions;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.CorrelationIds;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Starts roster imports as background jobs, one at a time, and tells how they are going. An import whose runner
 * stopped beating (plan-service was killed) is marked failed after {@code pd.roster.import-stale-after}.
 */
@ApplicationScoped
public class RosterImportService {

    private static final Logger LOG = Logger.getLogger(RosterImportService.class);

    private final ImportRepository imports;
    private final DirectoryRepository directory;
    private final Pool pool;
    private final Vertx vertx;
    private final Path uploads;
    private final Duration staleAfter;
    private final int batchSize;
    private final Duration roleDatesEvery;
    private final Event<RosterChanged> rosterChanged;
    /** One import at a time runs anyway; a single thread keeps it off the event loop and the shared worker pool. */
    private final ExecutorService runner = WorkerThreads.single("roster-import");

    RosterImportService(ImportRepository imports, DirectoryRepository directory, Pool pool, Vertx vertx,
            Event<RosterChanged> rosterChanged,
            @ConfigProperty(name = "pd.roster.upload-dir") Path uploads,
            @ConfigProperty(name = "pd.roster.import-stale-after", defaultValue = "60s") Duration staleAfter,
            @ConfigProperty(name = "pd.roster.batch-size", defaultValue = "1000") int batchSize,
            @ConfigProperty(name = "pd.roster.role-dates-every", defaultValue = "1h") Duration roleDatesEvery) {
        this.imports = imports;
        this.directory = directory;
        this.pool = pool;
        this.vertx = vertx;
        this.uploads = uploads;
        this.staleAfter = staleAfter;
        this.batchSize = batchSize;
        this.roleDatesEvery = roleDatesEvery;
        this.rosterChanged = rosterChanged;
    }

    void watchForStaleImports(@Observes StartupEvent started) {
        failStale().subscribe().with(done -> { }, failure -> LOG.warn("could not check for interrupted imports", failure));
        vertx.setPeriodic(staleAfter.toMillis() / 2, tick -> failStale().subscribe().with(done -> { },
                failure -> LOG.debugf("could not check for interrupted imports: %s", failure.getMessage())));
    }

    void watchRoleDates(@Observes StartupEvent started) {
        if (roleDatesEvery.isZero()) {
            return;
        }
        vertx.setPeriodic(1_000, roleDatesEvery.toMillis(), tick -> evaluateRoleDates(LocalDate.now(ZoneOffset.UTC))
                .subscribe().with(done -> { }, failure -> LOG.debugf("could not evaluate role dates, will again: %s",
                        failure.getMessage())));
    }

    /**
     * Starts the job that derives again the educators whose roles began or ended since roles were last evaluated, when
     * that was before {@code today} and no import is running; returns its id, or empty when there is nothing to do yet.
     */
    Uni<Optional<UUID>> evaluateRoleDates(LocalDate today) {
        return directory.rolesEvaluatedThrough().chain(through -> {
            if (!through.isBefore(today)) {
                return Uni.createFrom().item(Optional.<UUID>empty());
            }
            return imports.running().chain(running -> {
                if (running.isPresent()) {
                    return Uni.createFrom().item(Optional.<UUID>empty());
                }
                UUID id = UUID.randomUUID();
                return imports.startRoleDates(id, Instant.now())
                        .invoke(() -> runner.execute(() -> runRoleDates(id, today)))
                        .replaceWith(Optional.of(id));
            });
        });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** A folder of its own for the files of a new import, named by the import's id. */
    public RosterUpload newUpload() {
        return RosterUpload.in(uploads.resolve(UUID.randomUUID().toString()));
    }

    /**
     * Reads every file once on a worker thread (a 400 for files that cannot be imported), records the import as
     * running, a 409 if another one is, and starts it. The upload's files are removed when the import ends.
     */
    public Uni<ImportView> start(RosterUpload upload, String requestedBy) {
        UUID id = UUID.fromString(upload.folder().getFileName().toString());
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        return failStale()
                .chain(imports::running)
                .invoke(running -> running.ifPresent(other -> {
                    throw ProblemException.conflict("Roster import " + other + " is still running; one import runs at a"
                            + " time. Follow it at /api/v1/plans/roster/imports/" + other);
                }))
                .chain(() -> vertx.executeBlocking(upload::check))
                .call(manifest -> imports.start(id, manifest, requestedBy, Instant.now()))
                .invoke(manifest -> runner.execute(() -> run(id, upload, manifest, correlationId)))
                .onFailure().call(() -> vertx.executeBlocking(() -> {
                    upload.delete();
                    return null;
                }))
                .chain(() -> find(id));
    }

    public Uni<ImportView> find(UUID id) {
        return imports.find(id).map(found -> found.orElseThrow(() -> ProblemException.notFound("No roster import " + id)));
    }

    public Uni<List<ImportView>> list(PageRequest page) {
        return imports.list(page);
    }

    public Uni<ImportRowPage> rows(UUID id, PageRequest page) {
        return find(id).chain(found -> imports.rows(id, page));
    }

    private void run(UUID id, RosterUpload upload, Manifest manifest, Object correlationId) {
        if (correlationId != null) {
            MDC.put(CorrelationIds.MDC_KEY, correlationId);
        }
        long started = System.nanoTime();
        try {
            new RosterImportJob(id, upload, manifest, batchSize, pool, imports, directory).run();
            LOG.infof("roster import %s completed in %d ms", id, (System.nanoTime() - started) / 1_000_000);
        } catch (ProblemException e) {
            // A file that stops being CSV part-way through: its rows up to there are imported, the report says where.
            fail(id, e.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            LOG.errorf(e, "roster import %s failed", id);
            fail(id, "plan-service could not finish the import (" + e.getClass().getSimpleName() + "); the rows it had"
                    + " imported stay, and importing the same files again is safe");
        } finally {
            upload.delete();
            rosterChanged.fire(new RosterChanged(id));
            MDC.remove(CorrelationIds.MDC_KEY);
        }
    }

    private void runRoleDates(UUID id, LocalDate today) {
        long started = System.nanoTime();
        try {
            new RoleDatesJob(id, today, batchSize, new WorkerTransactions(pool), imports, directory).run();
            LOG.infof("role dates through %s evaluated in %d ms", today, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "role dates job %s failed", id);
            fail(id, "plan-service could not finish evaluating role dates (" + e.getClass().getSimpleName()
                    + "); it tries again within " + roleDatesEvery);
        } finally {
            rosterChanged.fire(new RosterChanged(id));
        }
    }

    private void fail(UUID id, String error) {
        imports.fail(id, error, Instant.now()).await().atMost(Duration.ofMinutes(1));
    }

    private Uni<Void> failStale() {
        return imports.failStale(staleAfter, Instant.now())
                .call(ids -> vertx.executeBlocking(() -> {
                    ids.forEach(id -> RosterUpload.in(uploads.resolve(id.toString())).delete());
                    return null;
                }))
                .replaceWithVoid();
    }
}
