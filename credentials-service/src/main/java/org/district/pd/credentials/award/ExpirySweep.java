package org.district.pd.credentials.award;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Expires awards past their validUntil, in batches, until none is left; a failed sweep is retried next time. */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);
    private static final int BATCH = 200;

    private final AwardService awards;

    ExpirySweep(AwardService awards) {
        this.awards = awards;
    }

    @Scheduled(every = "${pd.credentials.expiry-sweep:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweepAll(0).invoke(count -> {
            if (count > 0) {
                LOG.infof("Expired %d credential(s) past their validUntil", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("The expiry sweep failed and runs again later: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sweeps now, in batches until none is due; returns how many expired. */
    public Uni<Integer> sweepAll(int before) {
        return awards.expireDue(BATCH).flatMap(count -> count < BATCH ? Uni.createFrom().item(before + count)
                : sweepAll(before + count));
    }
}
