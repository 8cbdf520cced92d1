package org.district.pd.credentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.district.pd.credentials.definition.DefinitionBody.Criterion;
import org.district.pd.credentials.definition.DefinitionBody.Level;
import org.district.pd.credentials.definition.DefinitionBody.Passing;
import org.district.pd.credentials.definition.DefinitionBody.Rubric;
import org.district.pd.credentials.submission.Assignment.Outcome;
import org.district.pd.credentials.submission.rest.ReviewBody;
import org.district.pd.credentials.submission.rest.ReviewBody.CriterionScore;
import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The rubric's passing rule, by hand-worked cases. */
class ScoringTest {

    private static final List<Level> LEVELS = List.of(new Level(1, "Emerging", null), new Level(2, "Developing", null),
            new Level(3, "Proficient", null), new Level(4, "Exemplary", null));
    private static final List<Criterion> CRITERIA = List.of(new Criterion("a", "A", null),
            new Criterion("b", "B", null), new Criterion("c", "C", null));

    private static ReviewBody scores(int a, int b, int c) {
        return new ReviewBody(List.of(new CriterionScore("a", a, "f"), new CriterionScore("b", b, "f"),
                new CriterionScore("c", c, "f")), null);
    }

    @Test
    void everyCriterionMustReachThePassingLevel() {
        Rubric rubric = new Rubric(CRITERIA, LEVELS, new Passing(3, null));
        assertThat(Scoring.outcome(rubric, scores(3, 3, 3))).isEqualTo(Outcome.PASS);
        assertThat(Scoring.outcome(rubric, scores(4, 4, 2))).isEqualTo(Outcome.RESUBMIT);
    }

    @Test
    void aMinimumTotalIsMetExactlyOrNot() {
        Rubric rubric = new Rubric(CRITERIA, LEVELS, new Passing(2, 10));
        assertThat(Scoring.outcome(rubric, scores(4, 4, 2))).isEqualTo(Outcome.PASS);
        assertThat(Scoring.outcome(rubric, scores(4, 3, 2))).isEqualTo(Outcome.RESUBMIT);
        assertThat(Scoring.outcome(rubric, scores(4, 4, 1))).isEqualTo(Outcome.RESUBMIT);
    }

    @Test
    void aReviewScoresEachCriterionOnceOnTheRubricsLevels() {
        Rubric rubric = new Rubric(CRITERIA, LEVELS, new Passing(3, null));
        assertThatThrownBy(() -> Scoring.outcome(rubric, new ReviewBody(List.of(new CriterionScore("a", 3, "f"),
                new CriterionScore("b", 3, "f")), null)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("criterion c"));
        assertThatThrownBy(() -> Scoring.outcome(rubric, new ReviewBody(List.of(new CriterionScore("a", 3, "f"),
                new CriterionScore("a", 3, "f"), new CriterionScore("x", 5, "f")), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("scores[1].criterion", "scores[2].criterion", "scores[2].level"));
    }
}
