package org.district.pd.plan.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.district.pd.plan.pathway.PathwayEngineTest.START;
import static org.district.pd.plan.pathway.PathwayEngineTest.course;
import static org.district.pd.plan.pathway.PathwayEngineTest.novice;
import static org.district.pd.plan.pathway.PathwayEngineTest.wholeCycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.district.pd.plan.pathway.ProgressChange.What;
import org.junit.jupiter.api.Test;

/** What a plan's timeline and events are made of: the changes between two evaluations, and the at-risk rule. */
class ProgressChangesTest {

    private static final Instant SEPT_20 = Instant.parse("2026-09-20T00:00:00Z");

    @Test
    void aFirstEvaluationStartsTheCycleAndAFactMovesAndMeetsMilestones() {
        PathwayState started = PathwayEngine.evaluate(novice(null), START, List.of(), SEPT_20);
        assertThat(ProgressChanges.between(null, started)).extracting(ProgressChange::what, ProgressChange::cycle)
                .containsExactly(tuple(What.CYCLE_STARTED, 1));

        PathwayState moved = PathwayEngine.evaluate(novice(null), START,
                List.of(course("c1", "2026-09-01T10:00:00Z", "literacy", "6")), SEPT_20);
        assertThat(ProgressChanges.between(started, moved))
                .extracting(ProgressChange::what, ProgressChange::milestone, ProgressChange::detail)
                .containsExactly(tuple(What.MILESTONE_PROGRESSED, "learn-literacy", "1 of 2"),
                        tuple(What.MILESTONE_MET, "learn-hours", "6 of 6"));
        assertThat(ProgressChanges.between(moved, moved)).as("the same state again changes nothing").isEmpty();
    }

    @Test
    void completingTheLastStageClosesTheCycleAndStartsTheNext() {
        PathwayState before = PathwayEngine.evaluate(novice(null), START, wholeCycle("", "09").subList(0, 4), SEPT_20);
        PathwayState after = PathwayEngine.evaluate(novice(null), START, wholeCycle("", "09"), SEPT_20);
        assertThat(ProgressChanges.between(before, after)).extracting(ProgressChange::what, ProgressChange::cycle)
                .containsExactly(tuple(What.MILESTONE_MET, 1), tuple(What.STAGE_COMPLETED, 1),
                        tuple(What.CYCLE_COMPLETED, 1), tuple(What.CYCLE_STARTED, 2));
        assertThat(ProgressChanges.between(before, after).get(2).at()).as("closed by the sign-off, at its time")
                .isEqualTo(Instant.parse("2026-09-05T10:00:00Z"));
    }

    @Test
    void aReversalReopensWhatItsFactHadCompletedAndWithdrawsTheCycleThatFollowed() {
        List<Fact> facts = new ArrayList<>(wholeCycle("", "09"));
        PathwayState completed = PathwayEngine.evaluate(novice(null), START, facts, SEPT_20);
        // c2 was the second literacy offering and 3 of the 6 hours: both milestones and every stage after reopen.
        facts.add(Fact.reversal("void-c2", Instant.parse("2026-09-10T00:00:00Z"), "c2"));
        PathwayState reopened = PathwayEngine.evaluate(novice(null), START, facts, SEPT_20);
        assertThat(ProgressChanges.between(completed, reopened))
                .extracting(ProgressChange::what, ProgressChange::cycle, ProgressChange::milestone)
                .containsExactly(tuple(What.CYCLE_REOPENED, 1, null),
                        tuple(What.MILESTONE_REOPENED, 1, "learn-literacy"),
                        tuple(What.MILESTONE_REOPENED, 1, "learn-hours"),
                        tuple(What.STAGE_REOPENED, 1, null), tuple(What.STAGE_REOPENED, 1, null),
                        tuple(What.STAGE_REOPENED, 1, null), tuple(What.CYCLE_WITHDRAWN, 2, null));
    }

    @Test
    void anUnfinishedCycleClosesIncompleteAtItsPeriodsEnd() {
        List<Fact> facts = List.of(course("c1", "2026-09-01T10:00:00Z", "literacy", "1"));
        PathwayState open = PathwayEngine.evaluate(novice(null), START, facts, SEPT_20);
        PathwayState rolled = PathwayEngine.evaluate(novice(null), START, facts, Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(ProgressChanges.between(open, rolled)).extracting(ProgressChange::what, ProgressChange::at)
                .containsExactly(tuple(What.CYCLE_INCOMPLETE, Instant.parse("2026-11-01T00:00:00Z")),
                        tuple(What.CYCLE_STARTED, Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void aNewTemplateVersionRunsFromTheCycleItWasPinnedTo() {
        Template shorter = new Template("Novice teacher", null, PathwayEngineTest.QUARTERS, null,
                List.of(novice(null).stages().get(2)));
        PathwayState state = PathwayEngine.evaluate(cycle -> cycle < 2 ? novice(null) : shorter, START,
                wholeCycle("", "09"), SEPT_20);
        assertThat(state.cycles().get(0).stages()).hasSize(3);
        assertThat(state.current().stages()).extracting(PathwayState.StageProgress::name).containsExactly("Reflect");
    }

    @Test
    void aCycleIsAtRiskWhenFewerThanAWeekIsLeftForEachMilestoneStillToMeet() {
        PathwayState fresh = PathwayEngine.evaluate(novice(null), START, List.of(), SEPT_20);
        // Learn needs 2, Apply 1 of 2, Reflect 2: five milestones, 42 days to 1 Nov.
        PlanProgress early = PlanProgress.of(fresh, SEPT_20);
        assertThat(early.toMeet()).isEqualTo(5);
        assertThat(early.daysLeft()).isEqualTo(42);
        assertThat(early.atRisk()).as("42 days for 5: 8.4 a milestone").isFalse();
        assertThat(PlanProgress.of(fresh, Instant.parse("2026-09-27T00:00:01Z")).atRisk())
                .as("34 whole days for 5 milestones").isTrue();
        assertThat(early.stage()).isEqualTo("Learn");
        assertThat(early.milestonesOpen()).hasSize(6);
    }
}
