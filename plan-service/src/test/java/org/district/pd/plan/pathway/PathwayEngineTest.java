package org.district.pd.plan.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.PathwayState.CycleStatus;
import org.junit.jupiter.api.Test;

/** The cycle engine against hand-worked cases: cycles, stages, choice, rules, reversals and the plan's end. */
class PathwayEngineTest {

    static final UUID LITERACY = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    /** Quarters from 1 Aug 2026: Aug–Oct, Nov–Jan, Feb–Apr, ... */
    static final Cadence QUARTERS = new Cadence(Cadence.Kind.QUARTER, null, LocalDate.of(2026, 8, 1));
    static final Instant START = Instant.parse("2026-08-10T00:00:00Z");

    /** Learn (two literacy offerings, and 6 hours) then Apply (any 1 of: evidence, a PLC session) then Reflect. */
    static Template novice(Integer cycles) {
        return new Template("Novice teacher", null, QUARTERS, cycles, List.of(
                new Stage("Learn", null, List.of(
                        new Milestone("learn-literacy", "Two literacy offerings", true,
                                new Rule.CompleteOfferings(2, "literacy", null, null)),
                        new Milestone("learn-hours", "Six hours", true, new Rule.EarnHours(new BigDecimal("6"), null)))),
                new Stage("Apply", 1, List.of(
                        new Milestone("apply-evidence", "Evidence for the literacy credential", false,
                                new Rule.SubmitEvidence(LITERACY)),
                        new Milestone("apply-plc", "A PLC meeting", false, new Rule.AttendSessions(1, "plc")))),
                new Stage("Reflect", null, List.of(
                        new Milestone("reflect", "Reflection", true, new Rule.Reflection()),
                        new Milestone("sign-off", "Coach sign-off", true, new Rule.CoachSignOff())))));
    }

    static Fact course(String id, String time, String tag, String hours) {
        return Fact.completion(id, Instant.parse(time), UUID.nameUUIDFromBytes(id.getBytes()), Set.of(tag), "online",
                "course", new BigDecimal(hours));
    }

    static List<Fact> wholeCycle(String suffix, String month) {
        return List.of(course("c1" + suffix, "2026-" + month + "-01T10:00:00Z", "literacy", "3"),
                course("c2" + suffix, "2026-" + month + "-02T10:00:00Z", "Literacy", "3"),
                Fact.attendance("s1" + suffix, Instant.parse("2026-" + month + "-03T10:00:00Z"), UUID.randomUUID(),
                        "plc", "plc", new BigDecimal("1")),
                Fact.reflection("r1" + suffix, Instant.parse("2026-" + month + "-04T10:00:00Z"), "reflect"),
                Fact.signOff("o1" + suffix, Instant.parse("2026-" + month + "-05T10:00:00Z"), "sign-off"));
    }

    @Test
    void theFactThatCompletesTheLastStageClosesTheCycleAndOpensTheNextUntilTheFollowingPeriodEnds() {
        PathwayState state = PathwayEngine.evaluate(novice(null), START, wholeCycle("", "09"),
                Instant.parse("2026-09-20T00:00:00Z"));
        assertThat(state.cycles()).hasSize(2);
        Cycle first = state.cycles().get(0);
        assertThat(first.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(first.opensAt()).isEqualTo(START);
        assertThat(first.closedAt()).isEqualTo(Instant.parse("2026-09-05T10:00:00Z"));
        assertThat(first.stages()).allMatch(PathwayState.StageProgress::complete);
        Cycle second = state.current();
        assertThat(second.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(second.opensAt()).isEqualTo(first.closedAt());
        assertThat(second.endsAt()).as("the end of the next quarter").isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(second.currentStage()).isZero();
        assertThat(state.ended()).isFalse();
    }

    @Test
    void aStageCompletesOnlyAfterTheOneBeforeItAndMilestonesShowTheirProgress() {
        List<Fact> facts = List.of(Fact.reflection("r", Instant.parse("2026-08-11T00:00:00Z"), "reflect"),
                Fact.signOff("o", Instant.parse("2026-08-12T00:00:00Z"), "sign-off"),
                course("c1", "2026-08-13T00:00:00Z", "literacy", "2.5"));
        Cycle open = PathwayEngine.evaluate(novice(null), START, facts, Instant.parse("2026-08-20T00:00:00Z")).current();
        assertThat(open.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(open.currentStage()).isZero();
        assertThat(open.stages().get(2).complete()).as("Reflect is met but Learn and Apply are not").isFalse();
        assertThat(open.stages().get(0).milestones()).extracting(m -> m.progress().toPlainString())
                .containsExactly("1", "2.5");
    }

    @Test
    void aCycleUnfinishedAtItsEndClosesIncompleteAndTheNextOpensThereWithNothingCarriedOver() {
        List<Fact> facts = List.of(course("c1", "2026-10-30T00:00:00Z", "literacy", "3"),
                course("c2", "2026-11-02T00:00:00Z", "literacy", "3"));
        PathwayState state = PathwayEngine.evaluate(novice(null), START, facts, Instant.parse("2026-11-05T00:00:00Z"));
        assertThat(state.cycles()).extracting(Cycle::status).containsExactly(CycleStatus.INCOMPLETE, CycleStatus.OPEN);
        assertThat(state.cycles().get(0).closedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(state.current().opensAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(state.current().stages().get(0).milestones().get(0).progress()).isEqualByComparingTo("1");
    }

    @Test
    void anyKOfTheseLetsTheTeacherChooseAndARequiredMilestoneIsStillNeeded() {
        List<Fact> evidenceInstead = List.of(course("c1", "2026-08-11T00:00:00Z", "literacy", "3"),
                course("c2", "2026-08-12T00:00:00Z", "literacy", "3"),
                Fact.evidence("e", Instant.parse("2026-08-13T00:00:00Z"), LITERACY));
        Cycle cycle = PathwayEngine.evaluate(novice(null), START, evidenceInstead, Instant.parse("2026-08-20T00:00:00Z"))
                .current();
        assertThat(cycle.stages().get(1).completedAt()).isEqualTo(Instant.parse("2026-08-13T00:00:00Z"));
        assertThat(cycle.currentStage()).isEqualTo(2);

        List<Fact> oneOffering = List.of(course("c1", "2026-08-11T00:00:00Z", "literacy", "6"));
        assertThat(PathwayEngine.evaluate(novice(null), START, oneOffering, Instant.parse("2026-08-20T00:00:00Z"))
                .current().stages().get(0).complete()).as("six hours but one offering of two").isFalse();
    }

    @Test
    void theSameOfferingTwiceAndFactsOutsideThePlanDoNotCount() {
        List<Fact> facts = List.of(course("c1", "2026-08-11T00:00:00Z", "literacy", "3"),
                Fact.completion("c1-again", Instant.parse("2026-08-12T00:00:00Z"),
                        UUID.nameUUIDFromBytes("c1".getBytes()), Set.of("literacy"), "online", "course", BigDecimal.ONE),
                course("before", "2026-08-01T00:00:00Z", "literacy", "3"),
                course("later", "2026-08-25T00:00:00Z", "literacy", "3"),
                course("maths", "2026-08-13T00:00:00Z", "numeracy", "3"));
        Cycle cycle = PathwayEngine.evaluate(novice(null), START, facts, Instant.parse("2026-08-20T00:00:00Z")).current();
        assertThat(cycle.stages().get(0).milestones().get(0).progress()).as("c1 once; maths is not literacy")
                .isEqualByComparingTo("1");
        assertThat(cycle.stages().get(0).milestones().get(1).progress()).as("7 hours by 20 Aug, shown against the 6 needed")
                .isEqualByComparingTo("6");
    }

    @Test
    void aReversalTakesItsFactOutReopeningTheStageAndTheCycleItHadCompleted() {
        List<Fact> facts = new java.util.ArrayList<>(wholeCycle("", "09"));
        Instant now = Instant.parse("2026-09-20T00:00:00Z");
        assertThat(PathwayEngine.evaluate(novice(null), START, facts, now).cycles()).hasSize(2);
        facts.add(Fact.reversal("void-c2", Instant.parse("2026-09-10T00:00:00Z"), "c2"));
        PathwayState reopened = PathwayEngine.evaluate(novice(null), START, facts, now);
        assertThat(reopened.cycles()).hasSize(1);
        assertThat(reopened.current().status()).isEqualTo(CycleStatus.OPEN);
        assertThat(reopened.current().currentStage()).isZero();
    }

    @Test
    void aPlanOfTwoCyclesEndsAfterTheSecondWhetherOrNotItWasFinished() {
        List<Fact> facts = new java.util.ArrayList<>(wholeCycle("", "09"));
        PathwayState state = PathwayEngine.evaluate(novice(2), START, facts, Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(state.cycles()).extracting(Cycle::status)
                .containsExactly(CycleStatus.COMPLETED, CycleStatus.INCOMPLETE);
        assertThat(state.ended()).isTrue();
    }

    @Test
    void cadencesCountTheirPeriodsFromTheAnchorAndClampTheDayOfTheMonth() {
        Cadence semesters = new Cadence(Cadence.Kind.SEMESTER, null, LocalDate.of(2026, 8, 31));
        assertThat(semesters.periodStart(1)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(semesters.periodOf(Instant.parse("2027-02-28T00:00:00Z"))).isEqualTo(1);
        assertThat(semesters.periodOf(Instant.parse("2027-02-27T23:59:59Z"))).isZero();
        assertThat(semesters.periodOf(Instant.parse("2026-08-30T00:00:00Z"))).isEqualTo(-1);
        Cadence fortnights = new Cadence(Cadence.Kind.WEEKS, 2, LocalDate.of(2026, 9, 7));
        assertThat(fortnights.periodOf(Instant.parse("2026-09-21T00:00:00Z"))).isEqualTo(1);
        assertThat(new Cadence(Cadence.Kind.SCHOOL_YEAR, null, LocalDate.of(2026, 8, 15))
                .periodOf(Instant.parse("2027-08-14T12:00:00Z"))).isZero();
    }
}
