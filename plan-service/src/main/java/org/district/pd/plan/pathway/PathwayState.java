package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Where a plan stands, as the engine derives it: every cycle so far, the last one open unless the plan has ended. */
public record PathwayState(List<Cycle> cycles, boolean ended) {

    public enum CycleStatus {
        OPEN, COMPLETED, INCOMPLETE
    }

    /**
     * Cycle {@code number} (from 1), open from {@code opensAt} until {@code endsAt}, the end of its cadence period;
     * {@code closedAt} is when its last stage completed, or its end when it closed unfinished.
     */
    public record Cycle(int number, Instant opensAt, Instant endsAt, CycleStatus status, Instant closedAt,
            int currentStage, List<StageProgress> stages) {
    }

    /**
     * A stage and when it completed: once its milestones were met and every stage before it had completed.
     * {@code toMeet} is how many of its milestones are still to be met for it to complete (0 once they are).
     */
    public record StageProgress(String name, Instant completedAt, int toMeet, List<MilestoneProgress> milestones) {

        public boolean complete() {
            return completedAt != null;
        }
    }

    /** How far a milestone is, against its rule's target, when it was met, and the facts that counted toward it. */
    public record MilestoneProgress(String key, boolean required, BigDecimal progress, BigDecimal target,
            Instant metAt, List<String> facts) {

        public boolean met() {
            return metAt != null;
        }
    }

    public Cycle current() {
        return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }
}
