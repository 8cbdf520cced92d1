package org.district.pd.plan.pathway;

import java.time.Instant;

/**
 * One thing that changed in a plan between two evaluations, for its timeline and its events: {@code stage} and
 * {@code milestone} are null when the change is about a whole cycle or stage, and {@code at} is when it happened (a
 * milestone's meeting, a cycle's opening or closing), or null for a rollback, which happens when it is learned.
 */
public record ProgressChange(What what, int cycle, String stage, String milestone, Instant at, String detail) {

    public enum What {
        CYCLE_STARTED, CYCLE_COMPLETED, CYCLE_INCOMPLETE, CYCLE_REOPENED, CYCLE_WITHDRAWN,
        STAGE_COMPLETED, STAGE_REOPENED,
        MILESTONE_PROGRESSED, MILESTONE_MET, MILESTONE_REOPENED
    }
}
