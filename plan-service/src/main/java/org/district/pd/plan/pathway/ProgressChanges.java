package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.PathwayState.CycleStatus;
import org.district.pd.plan.pathway.PathwayState.MilestoneProgress;
import org.district.pd.plan.pathway.PathwayState.StageProgress;
import org.district.pd.plan.pathway.ProgressChange.What;

/**
 * What changed between a plan's stored state and its state now, cycle by cycle: cycles that opened, closed, reopened
 * or were withdrawn by a rollback, stages completed or reopened, milestones that moved, were met or reopened. Stages
 * are matched by position and milestones by key, so a cycle on a newer template version compares as it should.
 */
public final class ProgressChanges {

    private ProgressChanges() {
    }

    /** The changes from {@code before} (null: a plan never evaluated) to {@code after}, in cycle order. */
    public static List<ProgressChange> between(PathwayState before, PathwayState after) {
        Map<Integer, Cycle> old = before == null ? Map.of()
                : before.cycles().stream().collect(Collectors.toMap(Cycle::number, Function.identity()));
        List<ProgressChange> changes = new ArrayList<>();
        for (Cycle cycle : after.cycles()) {
            Cycle was = old.get(cycle.number());
            if (was == null) {
                changes.add(new ProgressChange(What.CYCLE_STARTED, cycle.number(), null, null, cycle.opensAt(), null));
            } else if (was.status() != CycleStatus.OPEN && cycle.status() != was.status()) {
                changes.add(new ProgressChange(What.CYCLE_REOPENED, cycle.number(), null, null, null,
                        "was " + was.status().name().toLowerCase()));
            }
            stages(was, cycle, changes);
            if (cycle.status() != CycleStatus.OPEN && (was == null || was.status() != cycle.status())) {
                What closed = cycle.status() == CycleStatus.COMPLETED ? What.CYCLE_COMPLETED : What.CYCLE_INCOMPLETE;
                changes.add(new ProgressChange(closed, cycle.number(), null, null, cycle.closedAt(), null));
            }
        }
        if (before != null) {
            before.cycles().stream().filter(cycle -> cycle.number() > after.cycles().size())
                    .forEach(cycle -> changes.add(new ProgressChange(What.CYCLE_WITHDRAWN, cycle.number(), null, null,
                            null, "an earlier cycle reopened")));
        }
        return changes;
    }

    private static void stages(Cycle was, Cycle cycle, List<ProgressChange> changes) {
        for (int i = 0; i < cycle.stages().size(); i++) {
            StageProgress stage = cycle.stages().get(i);
            StageProgress previous = was == null || i >= was.stages().size() ? null : was.stages().get(i);
            Map<String, MilestoneProgress> milestones = previous == null ? Map.of() : previous.milestones().stream()
                    .collect(Collectors.toMap(MilestoneProgress::key, Function.identity()));
            for (MilestoneProgress milestone : stage.milestones()) {
                milestone(cycle.number(), stage.name(), milestones.get(milestone.key()), milestone, changes);
            }
            boolean wasComplete = previous != null && previous.complete();
            if (stage.complete() && !wasComplete) {
                changes.add(new ProgressChange(What.STAGE_COMPLETED, cycle.number(), stage.name(), null,
                        stage.completedAt(), null));
            } else if (!stage.complete() && wasComplete) {
                changes.add(new ProgressChange(What.STAGE_REOPENED, cycle.number(), stage.name(), null, null, null));
            }
        }
    }

    private static void milestone(int cycle, String stage, MilestoneProgress was, MilestoneProgress now,
            List<ProgressChange> changes) {
        String progress = now.progress().stripTrailingZeros().toPlainString() + " of "
                + now.target().stripTrailingZeros().toPlainString();
        boolean wasMet = was != null && was.met();
        if (now.met() && !wasMet) {
            changes.add(new ProgressChange(What.MILESTONE_MET, cycle, stage, now.key(), now.metAt(), progress));
        } else if (!now.met() && wasMet) {
            changes.add(new ProgressChange(What.MILESTONE_REOPENED, cycle, stage, now.key(), null, progress));
        } else if (!now.met() && now.progress().compareTo(was == null ? BigDecimal.ZERO : was.progress()) != 0) {
            changes.add(new ProgressChange(What.MILESTONE_PROGRESSED, cycle, stage, now.key(), null, progress));
        }
    }
}
