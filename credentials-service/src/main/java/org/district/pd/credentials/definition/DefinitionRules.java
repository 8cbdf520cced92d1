package org.district.pd.credentials.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;
import org.district.pd.credentials.definition.DefinitionBody.Kind;
import org.district.pd.credentials.definition.DefinitionBody.Level;
import org.district.pd.credentials.definition.DefinitionBody.Review;
import org.district.pd.credentials.definition.DefinitionBody.Rubric;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/**
 * The rules a definition must meet beyond its fields' own constraints, and the defaults it gets: one assessor, a
 * third one on disagreement, the configured number of attempts and turnaround.
 */
public final class DefinitionRules {

    private DefinitionRules() {
    }

    /** The body with its defaults filled in, or a 400 listing every rule it breaks. */
    public static DefinitionBody checked(DefinitionBody body, int defaultAttempts, int defaultTurnaroundDays) {
        List<Violation> violations = new ArrayList<>();
        if (body.kind() == Kind.MICRO_CREDENTIAL) {
            microCredential(body, violations);
        } else {
            stack(body, violations);
        }
        if (body.renewal() != null && body.validityMonths() == null) {
            violations.add(new Violation("renewal", "applies only to a credential with validityMonths"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Review review = body.review();
        if (body.kind() == Kind.MICRO_CREDENTIAL) {
            int assessors = review == null || review.assessors() == null ? 1 : review.assessors();
            review = new Review(assessors,
                    assessors == 1 ? null : review.onDisagreement() == null
                            ? DefinitionBody.Disagreement.THIRD_ASSESSOR : review.onDisagreement(),
                    review == null || review.maxAttempts() == null ? defaultAttempts : review.maxAttempts(),
                    review == null || review.turnaroundDays() == null ? defaultTurnaroundDays
                            : review.turnaroundDays());
        }
        List<String> tags = body.competencyTags() == null ? List.of()
                : body.competencyTags().stream().distinct().toList();
        return new DefinitionBody(body.kind(), body.name().strip(), blankToNull(body.description()),
                body.competency().strip(), blankToNull(body.keyMethod()), blankToNull(body.researchBasis()),
                body.evidence(), body.rubric(), review, body.members() == null ? null
                        : body.members().stream().distinct().toList(),
                body.creditHours(), body.validityMonths(), body.renewal(), tags);
    }

    private static void microCredential(DefinitionBody body, List<Violation> violations) {
        if (body.members() != null && !body.members().isEmpty()) {
            violations.add(new Violation("members", "belong to a STACK only"));
        }
        if (body.evidence() == null || body.evidence().isEmpty()) {
            violations.add(new Violation("evidence", "must name at least one evidence requirement"));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < body.evidence().size(); i++) {
                EvidenceRequirement requirement = body.evidence().get(i);
                if (!keys.add(requirement.key())) {
                    violations.add(new Violation("evidence[" + i + "].key", "repeats " + requirement.key()));
                }
                if (requirement.max() < requirement.min()) {
                    violations.add(new Violation("evidence[" + i + "].maximum", "must not be below minimum"));
                }
            }
            if (body.renewal() != null && body.renewal().evidence() != null) {
                for (int i = 0; i < body.renewal().evidence().size(); i++) {
                    if (!keys.contains(body.renewal().evidence().get(i))) {
                        violations.add(new Violation("renewal.evidence[" + i + "]",
                                "names no evidence requirement of this definition"));
                    }
                }
            }
        }
        if (body.rubric() == null) {
            violations.add(new Violation("rubric", "is required for a micro-credential"));
        } else {
            rubric(body.rubric(), violations);
        }
        if (body.review() != null && body.review().onDisagreement() != null
                && (body.review().assessors() == null || body.review().assessors() < 2)) {
            violations.add(new Violation("review.onDisagreement", "applies only with two assessors"));
        }
    }

    private static void rubric(Rubric rubric, List<Violation> violations) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rubric.criteria().size(); i++) {
            if (!keys.add(rubric.criteria().get(i).key())) {
                violations.add(new Violation("rubric.criteria[" + i + "].key", "repeats "
                        + rubric.criteria().get(i).key()));
            }
        }
        Integer previous = null;
        for (int i = 0; i < rubric.levels().size(); i++) {
            Level level = rubric.levels().get(i);
            if (previous != null && level.score() <= previous) {
                violations.add(new Violation("rubric.levels[" + i + "].score",
                        "must be higher than the level before it: levels go from lowest to highest"));
            }
            previous = level.score();
        }
        if (rubric.levels().stream().noneMatch(level -> level.score().equals(rubric.passing().minimumLevel()))) {
            violations.add(new Violation("rubric.passing.minimumLevel", "must be the score of one of the levels"));
        }
        int highest = rubric.levels().get(rubric.levels().size() - 1).score();
        Integer total = rubric.passing().minimumTotal();
        if (total != null && total > highest * rubric.criteria().size()) {
            violations.add(new Violation("rubric.passing.minimumTotal", "is more than the highest possible total, "
                    + highest * rubric.criteria().size()));
        }
    }

    private static void stack(DefinitionBody body, List<Violation> violations) {
        if (body.members() == null || body.members().stream().distinct().count() < 2) {
            violations.add(new Violation("members", "a stack needs at least two distinct member credentials"));
        }
        for (String field : List.of("evidence", "rubric", "review")) {
            boolean present = switch (field) {
                case "evidence" -> body.evidence() != null && !body.evidence().isEmpty();
                case "rubric" -> body.rubric() != null;
                default -> body.review() != null;
            };
            if (present) {
                violations.add(new Violation(field, "belongs to a MICRO_CREDENTIAL: a stack is awarded, not reviewed"));
            }
        }
        if (body.renewal() != null) {
            violations.add(new Violation("renewal", "a stack is renewed by renewing its members"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
