package org.district.pd.plan.pathway;

import java.util.ArrayList;
import java.util.List;

import org.district.pd.plan.messaging.events.PlanProgressed;
import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.persistence.ProgressRepository.DuePlan;
import org.district.pd.platform.outbox.Outbox;

/**
 * The events of a plan's changes: a milestone met, a cycle closed (completed or incomplete), a cycle started. A
 * rollback is on the plan's timeline; a milestone met again afterwards is a new event.
 */
final class PlanEvents {

    private PlanEvents() {
    }

    static List<Outbox.Event> of(DuePlan plan, PathwayState state, List<ProgressChange> changes) {
        List<Outbox.Event> events = new ArrayList<>();
        for (ProgressChange change : changes) {
            if (change.cycle() > state.cycles().size()) {
                continue; // a cycle withdrawn by a rollback: on the timeline only
            }
            Cycle cycle = state.cycles().get(change.cycle() - 1);
            switch (change.what()) {
                case MILESTONE_MET -> events.add(event(plan, PlanProgressed.MILESTONE_COMPLETED,
                        new PlanProgressed(plan.id(), plan.educatorId(), plan.templateId(), version(plan, cycle),
                                cycle.number(), change.stage(), change.milestone(), null, null, null, change.at())));
                case CYCLE_COMPLETED, CYCLE_INCOMPLETE -> events.add(event(plan, PlanProgressed.CYCLE_COMPLETED,
                        new PlanProgressed(plan.id(), plan.educatorId(), plan.templateId(), version(plan, cycle),
                                cycle.number(), null, null, cycle.status().name(), cycle.opensAt(), cycle.endsAt(),
                                change.at())));
                case CYCLE_STARTED -> events.add(event(plan, PlanProgressed.CYCLE_STARTED,
                        new PlanProgressed(plan.id(), plan.educatorId(), plan.templateId(), version(plan, cycle),
                                cycle.number(), null, null, null, cycle.opensAt(), cycle.endsAt(), change.at())));
                default -> {
                    // Progress short of a milestone, and rollbacks, are on the timeline only.
                }
            }
        }
        return events;
    }

    private static int version(DuePlan plan, Cycle cycle) {
        return plan.versions().floorEntry(cycle.number()).getValue().version();
    }

    private static Outbox.Event event(DuePlan plan, String type, PlanProgressed data) {
        return new Outbox.Event(type, plan.educatorId(), data.at(), data);
    }
}
