package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.plan.pathway.persistence.AutoAssignRepository;
import org.district.pd.plan.roster.RosterChanged;
import org.district.pd.plan.worker.WorkerTransactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Gives each active educator a plan of every auto-assigned template whose audience they match: after each roster job,
 * when such a template is written, and at start (to catch up on one that was interrupted). It works in batches, a
 * transaction each, and asks again until none is left; a request while it runs makes it run once more after. The
 * plans it creates start now, and the progress refresher evaluates them like any other.
 */
@ApplicationScoped
public class AutoAssignment {

    private static final Logger LOG = Logger.getLogger(AutoAssignment.class);

    private final AutoAssignRepository repository;
    private final WorkerTransactions transactions;
    private final int batchSize;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "plan-auto-assignment");
        thread.setDaemon(true);
        return thread;
    });

    AutoAssignment(AutoAssignRepository repository, Pool pool,
            @ConfigProperty(name = "pd.plan.auto-assign-batch", defaultValue = "1000") int batchSize) {
        this.repository = repository;
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

    /** Assigns every plan due, a batch per transaction; how many. Blocks: a worker's. */
    public int assignAll(Instant now) {
        int total = 0;
        int assigned;
        do {
            assigned = transactions.run(tx -> WorkerTransactions.await(repository.assign(tx, now, batchSize)));
            total += assigned;
        } while (assigned == batchSize);
        return total;
    }
}
