package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.district.pd.plan.pathway.persistence.ProgressRepository.Pinned;
import org.district.pd.plan.roster.RosterChanged;
import org.district.pd.plan.worker.WorkerThreads;
import org.district.pd.plan.worker.WorkerTransactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

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
                    int assigned = assignAll(Instant.now());
                    if (assigned > 0) {
                        LOG.infof("auto-assigned %d plans", assigned);
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
        int total = 0;
        int matched;
        do {
            matched = transactions.run(tx -> {
                List<Match> matches = WorkerTransactions.await(repository.matches(tx, batchSize));
                if (matches.isEmpty()) {
                    return 0;
                }
                Map<UUID, Pinned> templates = WorkerTransactions.await(progress.latest(tx,
                        matches.stream().map(Match::templateId).distinct().toList()));
                List<Assignment> assignments = matches.stream().map(match -> {
                    Cadence cadence = templates.get(match.templateId()).template().cadence();
                    return new Assignment(match, cadence.startOf(cadence.periodOf(now)));
                }).toList();
                WorkerTransactions.await(repository.create(tx, assignments, now));
                return matches.size();
            });
            total += matched;
        } while (matched == batchSize);
        return total;
    }
}
