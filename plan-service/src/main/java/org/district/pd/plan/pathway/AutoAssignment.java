package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.plan.pathway.persistence.AutoAssignRepository;
import org.district.pd.plan.pathway.persistence.AutoAssignRepository.Assignment;
import org.district.pd.plan.pathway.persistence.AutoAssignRepository.Match;
import org.district.pd.plan.pathway.persistence.ProgressRepository;
import org.district.pd.plan.roster.RosterChanged;
import org.district.pd.plan.worker.WorkerThreads;
import org.district.pd.plan.worker.WorkerTransactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Gives each active educator a plan of every auto-assigned template whose audience they match: after each roster job,
 * when such a template is written, and at start (to catch up on one that was interrupted). It works in batches, a
 * transaction each, and asks again until none is left; a request while it runs makes it run once more after. The
 * progress refresher evaluates the plans it creates like any other.
 */
@ApplicationScoped
public class AutoAssignment {

    private static final Logger LOG = Logger.getLogger(AutoAssignment.class);

    private final AutoAssignRepository repository;
    private final ProgressRepository progress;
    private final WorkerTransactions transactions;
    private final int batchSize;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService runner = WorkerThreads.single("plan-auto-assignment");

    AutoAssignment(AutoAssignRepository repository, ProgressRepository progress, Pool pool,
            @ConfigProperty(name = "pd.plan.auto-assign-batch", defaultValue = "1000") int batchSize) {
        this.repository = repository;
        this.progress = progress;
        this.transactions = new WorkerTransactions(pool);
        this.batchSize = batchSize;
    }

    void atStart(@Observes StartupEvent started) {
        soon();
    }

    void onRosterChanged(@Observes RosterChanged changed) {
        soon();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** Runs in the background, once more if it is running now. */
    public void soon() {
        if (requested.compareAndSet(false, true)) {
            runner.execute(() -> {
                requested.set(false);
                try {
                    long started = System.nanoTime();
                    int assigned = assignAll(Instant.now());
                    if (assigned > 0) {
                        LOG.infof("auto-assigned %d plans in %d ms", assigned,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("could not auto-assign plans; the next roster change or template tries again: %s",
                            e.getMessage());
                }
            });
        }
    }

    /**
     * Assigns every plan due, a batch per transaction; how many. A plan starts when the cadence period it is assigned
     * in began, so what its teacher did earlier in the period counts, as for everyone else on the template. Blocks.
     */
    public int assignAll(Instant now) {
        List<UUID> templates = transactions.run(tx -> WorkerTransactions.await(repository.automaticTemplates(tx)));
        int total = 0;
        for (UUID template : templates) {
            UUID after = new UUID(0, 0);
            List<Match> matches;
            do {
                UUID from = after;
                matches = transactions.run(tx -> assign(tx, template, from, now));
                if (!matches.isEmpty()) {
                    after = matches.get(matches.size() - 1).educatorId();
                }
                total += matches.size();
            } while (matches.size() == batchSize);
        }
        return total;
    }

    /** One batch of the template's audience after {@code after}, each with a plan from its period's start. */
    private List<Match> assign(SqlConnection tx, UUID templateId, UUID after, Instant now) {
        List<Match> matches = WorkerTransactions.await(repository.matches(tx, templateId, after, batchSize));
        if (matches.isEmpty()) {
            return matches;
        }
        Cadence cadence = WorkerTransactions.await(progress.latest(tx, List.of(templateId))).get(templateId)
                .template().cadence();
        Instant start = cadence.startOf(cadence.periodOf(now));
        WorkerTransactions.await(repository.create(tx,
                matches.stream().map(match -> new Assignment(match, start)).toList(), now));
        return matches;
    }
}
