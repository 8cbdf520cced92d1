package org.district.pd.plan.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.district.pd.platform.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

/** Each way a template cannot run is a violation naming its field. */
class TemplateRulesTest {

    @Test
    void aWellFormedTemplateHasNoViolation() {
        assertThat(TemplateRules.violations(PathwayEngineTest.novice(null))).isEmpty();
        assertThat(TemplateRules.violations(PathwayEngineTest.novice(4))).isEmpty();
    }

    @Test
    void eachProblemIsNamedByItsField() {
        Milestone ok = new Milestone("m1", "One offering", true, new Rule.CompleteOfferings(1, null, null, null));
        Template template = new Template(" ", null, new Cadence(Cadence.Kind.WEEKS, 0, LocalDate.of(2026, 8, 1)), 0,
                List.of(new Stage("Empty", null, List.of()),
                        new Stage("Bad", 4, List.of(ok,
                                new Milestone("m2", "None at all", false, new Rule.CompleteOfferings(0, null, null, null)),
                                new Milestone("m1", "Repeated key", false, new Rule.EarnHours(new BigDecimal("-1"), null)))),
                        new Stage("Rules", null, List.of(
                                new Milestone("m3", "Sessions", true, new Rule.AttendSessions(-2, "party")),
                                new Milestone("m4", "Evidence", true, new Rule.SubmitEvidence(null)),
                                new Milestone("m5", "Untyped", true, null))),
                        new Stage("Nothing needed", null, List.of(
                                new Milestone("m6", "Optional", false, new Rule.Reflection())))));
        assertThat(TemplateRules.violations(template)).extracting(Violation::field).containsExactly(
                "name", "cadence.weeks", "cycles",
                "stages[0].milestones",
                "stages[1].milestones[1].rule.count", "stages[1].milestones[2].key",
                "stages[1].milestones[2].rule.hours", "stages[1].choose",
                "stages[2].milestones[0].rule.count", "stages[2].milestones[0].rule.kind",
                "stages[2].milestones[1].rule.credentialId", "stages[2].milestones[2].rule.type",
                "stages[3].milestones");
    }

    @Test
    void aCadenceThatCannotProduceACycleIsRefused() {
        assertThat(TemplateRules.violations(new Template("T", null, null, null, PathwayEngineTest.novice(null).stages())))
                .extracting(Violation::field).containsExactly("cadence.kind");
        assertThat(TemplateRules.violations(new Template("T", null, new Cadence(Cadence.Kind.QUARTER, 4, null), null,
                PathwayEngineTest.novice(null).stages()))).extracting(Violation::field)
                .containsExactly("cadence.anchor", "cadence.weeks");
        assertThat(TemplateRules.violations(new Template("T", null, new Cadence(Cadence.Kind.WEEKS, 105,
                LocalDate.of(2026, 8, 1)), null, PathwayEngineTest.novice(null).stages())))
                .extracting(Violation::field).containsExactly("cadence.weeks");
    }
}
