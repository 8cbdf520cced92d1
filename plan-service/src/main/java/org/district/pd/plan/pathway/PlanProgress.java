package org.district.pd.plan.pathway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.PathwayState.CycleStatus;
import org.district.pd.plan.pathway.PathwayState.MilestoneProgress;
import org.district.pd.plan.pathway.PathwayState.StageProgress;

/**
 * Where a plan's open cycle stands, at a glance: its dates and the days left, the stage it is at, the milestones met
 * and open, how many are still to meet, and whether it is at risk.
 *
 * <p><b>At risk</b>: the cycle is open, milestones are still to meet, and fewer than {@value #DAYS_PER_MILESTONE}
 * days are left for each of them. A teacher with three milestones to go and under three weeks left is at risk; one
 * milestone left with ten days is not. Null fields: the plan has ended and has no open cycle.
 */
public record PlanProgress(Integer cycle, Instant opensAt, Instant endsAt, Long daysLeft, String stage,
        List<String> milestonesMet, List<String> milestonesOpen, int toMeet, boolean atRisk) {

    /** The days a teacher can plausibly take to meet one milestone, the pace under which a cycle is at risk. */
    public static final int DAYS_PER_MILESTONE = 7;

    public static PlanProgress of(PathwayState state, Instant now) {
        Cycle cycle = state.current();
        if (cycle == null || state.ended() || cycle.status() != CycleStatus.OPEN) {
            return new PlanProgress(null, null, null, null, null, List.of(), List.of(), 0, false);
        }
        List<String> met = new ArrayList<>();
        List<String> open = new ArrayList<>();
        int toMeet = 0;
        for (StageProgress stage : cycle.stages()) {
            toMeet += stage.toMeet();
            for (MilestoneProgress milestone : stage.milestones()) {
                (milestone.met() ? met : open).add(milestone.key());
            }
        }
        long daysLeft = Math.max(0, Duration.between(now, cycle.endsAt()).toDays());
        String stage = cycle.currentStage() < cycle.stages().size()
                ? cycle.stages().get(cycle.currentStage()).name() : null;
        boolean atRisk = toMeet > 0 && daysLeft < (long) toMeet * DAYS_PER_MILESTONE;
        return new PlanProgress(cycle.number(), cycle.opensAt(), cycle.endsAt(), daysLeft, stage, met, open, toMeet,
                atRisk);
    }
}
