package org.district.pd.credentials.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.district.pd.credentials.definition.DefinitionBody.Criterion;
import org.district.pd.credentials.definition.DefinitionBody.Level;
import org.district.pd.credentials.definition.DefinitionBody.Rubric;
import org.district.pd.credentials.submission.Assignment.Outcome;
import org.district.pd.credentials.submission.rest.ReviewBody;
import org.district.pd.credentials.submission.rest.ReviewBody.CriterionScore;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/** A review's outcome under the rubric: PASS when every criterion reaches the passing level and the total suffices. */
public final class Scoring {

    private Scoring() {
    }

    /** The outcome of a complete review, or a 400 naming each criterion scored wrongly, twice or not at all. */
    public static Outcome outcome(Rubric rubric, ReviewBody review) {
        List<Violation> violations = new ArrayList<>();
        Set<String> criteria = new HashSet<>(rubric.criteria().stream().map(Criterion::key).toList());
        Set<Integer> levels = new HashSet<>(rubric.levels().stream().map(Level::score).toList());
        Set<String> scored = new HashSet<>();
        boolean everyCriterionPasses = true;
        int total = 0;
        for (int i = 0; i < review.scores().size(); i++) {
            CriterionScore score = review.scores().get(i);
            if (!criteria.contains(score.criterion())) {
                violations.add(new Violation("scores[" + i + "].criterion", "names no criterion of the rubric"));
            } else if (!scored.add(score.criterion())) {
                violations.add(new Violation("scores[" + i + "].criterion", "scores " + score.criterion()
                        + " a second time"));
            }
            if (!levels.contains(score.level())) {
                violations.add(new Violation("scores[" + i + "].level", "must be one of the rubric's levels "
                        + rubric.levels().stream().map(level -> level.score() + " " + level.name()).toList()));
            }
            everyCriterionPasses &= score.level() >= rubric.passing().minimumLevel();
            total += score.level();
        }
        for (Criterion criterion : rubric.criteria()) {
            if (!scored.contains(criterion.key()) && violations.isEmpty()) {
                violations.add(new Violation("scores", "must score criterion " + criterion.key()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Integer minimumTotal = rubric.passing().minimumTotal();
        return everyCriterionPasses && (minimumTotal == null || total >= minimumTotal) ? Outcome.PASS
                : Outcome.RESUBMIT;
    }
}
