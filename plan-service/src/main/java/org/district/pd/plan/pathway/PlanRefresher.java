package org.district.pd.plan.pathway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.plan.messaging.Topics;
import org.district.pd.plan.pathway.persistence.FactRepository;
import org.district.pd.plan.pathway.persistence.ProgressRepository;
import org.district.pd.plan.pathway.persistence.ProgressRepository.Cause;
import org.district.pd.plan.pathway.persistence.ProgressRepository.DuePlan;
import org.district.pd.plan.pathway.persistence.ProgressRepository.Pinned;
import org.district.pd.plan.worker.WorkerThreads;
import org.district.pd.plan.worker.WorkerTransactions;
import org.district.pd.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps each plan's stored state, timeline and events in step with its facts and the calendar. Whatever makes a plan
 * due (a fact about its teacher, the end of its open cycle, its start) leaves a row in {@code plan_refresh_due}; this
 * job locks the due plans, skipping those another instance holds, evaluates each with the engine, and in the same
 * transaction stores the new state, a timeline entry of what changed and why, and the events of what changed
 * (milestone completed, cycle completed, cycle started) in the outbox. It compares against the stored state under the
 * plan's lock, so running it twice, or on two instances at once, emits each change once.
 */
@ApplicationScoped
public class PlanRefresher {

    static final String CADENCE = "cadence";
    static final String STARTED = "started";

    private static final Logger LOG = Logger.getLogger(PlanRefresher.class);

    private final ProgressRepository progress;
    private final FactRepository facts;
    private final Outbox outbox;
    private final WorkerTransactions transactions;
    private final Vertx vertx;
    private final Duration every;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService runner = WorkerThreads.single("plan-progress");
    private volatile long timer = -1;

    PlanRefresher(ProgressRepository progress, FactRepository facts, Outbox outbox, Pool pool, Vertx vertx,
            @ConfigProperty(name = "pd.plan.refresh-every", defaultValue = "250ms") Duration every,
            @ConfigProperty(name = "pd.plan.refresh-batch", defaultValue = "200") int batchSize) {
        this.progress = progress;
        this.facts = facts;
        this.outbox = outbox;
        this.transactions = new WorkerTransactions(pool);
        this.vertx = vertx;
        this.every = every;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent started) {
        if (every.isZero()) {
            return;
        }
        timer = vertx.setPeriodic(every.toMillis(), tick -> {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                runner.execute(() -> {
                    try {
                        drain();
                    } catch (RuntimeException e) {
                        LOG.debugf("could not bring plans up to date, will again: %s", e.getMessage());
                    } finally {
                        draining.set(false);
                    }
                });
            } catch (RejectedExecutionException stopped) {
                draining.set(false); // a tick that fired while the service stopped: the next start drains
            }
        });
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
        runner.shutdownNow();
    }

    /**
     * Evaluates every plan due, a batch per transaction, each batch at the time it runs; the number evaluated. Blocks:
     * a worker's.
     */
    public int drain() {
        int total = 0;
        int evaluated;
        do {
            evaluated = transactions.run(tx -> {
                Instant now = Instant.now();
                List<UUID> due = WorkerTransactions.await(progress.lockDue(tx, now, batchSize));
                return due.isEmpty() ? 0 : evaluate(tx, due, now);
            });
            total += evaluated;
        } while (evaluated == batchSize);
        return total;
    }

    /**
     * Evaluates these plans now, for a request that changed them, waiting for an evaluation that holds one. It runs on
     * a worker of the shared pool, not behind a drain on this job's thread: a cycle's end for a whole district must not
     * hold up a coach's sign-off.
     */
    public Uni<Void> refreshNow(List<UUID> planIds) {
        return vertx.executeBlocking(() -> transactions.run(tx -> {
            List<UUID> locked = WorkerTransactions.await(progress.lock(tx, planIds));
            return locked.isEmpty() ? 0 : evaluate(tx, locked, Instant.now());
        }), false).replaceWithVoid();
    }

    private int evaluate(SqlConnection tx, List<UUID> planIds, Instant now) {
        Map<UUID, List<Cause>> causes = WorkerTransactions.await(progress.takeCauses(tx, planIds, now));
        List<DuePlan> plans = WorkerTransactions.await(progress.load(tx, planIds));
        Map<UUID, List<FactRepository.Scoped>> known = WorkerTransactions.await(
                facts.of(tx, plans.stream().map(DuePlan::educatorId).distinct().toList()));
        Map<UUID, Pinned> latest = WorkerTransactions.await(
                progress.latest(tx, plans.stream().map(DuePlan::templateId).distinct().toList()));
        List<Outbox.Event> events = new ArrayList<>();
        ProgressRepository.Writes writes = progress.writes();
        for (DuePlan plan : plans) {
            List<FactRepository.Scoped> scoped = known.getOrDefault(plan.educatorId(), List.of()).stream()
                    .filter(fact -> fact.concerns(plan.id())).toList();
            events.addAll(evaluate(tx, plan, scoped, causes.getOrDefault(plan.id(), List.of()),
                    latest.get(plan.templateId()), now, writes));
        }
        WorkerTransactions.await(progress.apply(tx, writes));
        WorkerTransactions.await(outbox.appendEach(tx, Topics.PLAN_EVENTS, events));
        return plans.size();
    }

    /**
     * Evaluates one plan, moving a cycle that opens now to the template's latest version; its events. Its new state,
     * timeline entry and next due time join {@code writes}, sent with the batch's.
     */
    private List<Outbox.Event> evaluate(SqlConnection tx, DuePlan plan, List<FactRepository.Scoped> scoped,
            List<Cause> causes, Pinned latest, Instant now, ProgressRepository.Writes writes) {
        List<Fact> known = scoped.stream().map(FactRepository.Scoped::fact).toList();
        PathwayState state = PathwayEngine.evaluate(cycle -> plan.versions().floorEntry(cycle).getValue().template(),
                plan.startedAt(), known, now);
        // The first cycle this evaluation opens, and every one after it, runs on the template's latest version.
        int opened = plan.state() == null ? 1 : plan.state().cycles().size() + 1;
        if (state.cycles().size() >= opened && opened > plan.versions().lastKey()
                && latest.version() > plan.versions().lastEntry().getValue().version()) {
            WorkerTransactions.await(progress.pin(tx, plan.id(), opened, latest.version()));
            plan.versions().put(opened, latest);
            state = PathwayEngine.evaluate(cycle -> plan.versions().floorEntry(cycle).getValue().template(),
                    plan.startedAt(), known, now);
        }
        List<ProgressChange> changes = ProgressChanges.between(plan.state(), state);
        int version = plan.versions().lastEntry().getValue().version();
        writes.save(plan.id(), state, version, now);
        writes.dueAgain(plan.id(), CADENCE, state.ended() ? Optional.empty() : Optional.of(state.current().endsAt()));
        List<Map<String, Object>> described = describe(causes, scoped);
        if (changes.isEmpty() && described.stream().noneMatch(cause -> cause.containsKey("detail"))) {
            return List.of(); // nothing changed, and nobody wrote anything: not an entry of the timeline
        }
        writes.timeline(plan.id(), now, described, changes);
        return PlanEvents.of(plan, state, changes);
    }

    /**
     * What made the plan due, for its timeline: each fact as it was recorded, with what its author wrote, or the
     * cadence, or the plan's start.
     */
    private static List<Map<String, Object>> describe(List<Cause> causes, List<FactRepository.Scoped> known) {
        Map<String, FactRepository.Scoped> byId = new LinkedHashMap<>();
        known.forEach(scoped -> byId.put(scoped.fact().id(), scoped));
        List<Map<String, Object>> described = new ArrayList<>();
        for (Cause cause : causes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            FactRepository.Scoped scoped = byId.get(cause.cause());
            if (scoped != null) {
                Fact fact = scoped.fact();
                entry.put("kind", fact.kind().name());
                entry.put("fact", fact.id());
                entry.put("at", fact.time());
                if (fact.subject() != null) {
                    entry.put("subject", fact.subject());
                }
                if (fact.reverses() != null) {
                    entry.put("reverses", fact.reverses());
                }
                if (scoped.detail() != null) {
                    entry.put("detail", scoped.detail());
                }
            } else {
                entry.put("kind", cause.cause().equals(CADENCE) ? "CADENCE"
                        : cause.cause().equals(STARTED) ? "PLAN_STARTED" : "OTHER");
                entry.put("at", cause.dueAt());
            }
            described.add(entry);
        }
        return described;
    }
}
