package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.district.pd.plan.roster.RoleRow;
import org.district.pd.platform.problem.Problem.Violation;

/**
 * What makes a template one the engine can run, each problem named by its field as a request body spells it, e.g.
 * {@code stages[1].milestones[0].rule.count}.
 */
public final class TemplateRules {

    /** Weeks in a cadence: more than two years between cycles is a typo, not a pathway. */
    static final int MAX_WEEKS = 104;
    static final Set<String> CAREER_STAGES = Set.of("novice", "career", "veteran");
    static final Set<String> GRADE_BANDS = Set.of("K-2", "3-5", "6-8", "9-12");
    static final Set<String> SESSION_KINDS = Set.of("workshop", "plc", "cohort", "coaching", "webinar", "network");

    private TemplateRules() {
    }

    public static List<Violation> violations(Template template) {
        List<Violation> violations = new ArrayList<>();
        if (blank(template.name())) {
            violations.add(new Violation("name", "must not be blank"));
        }
        cadence(template.cadence(), violations);
        if (template.cycles() != null && template.cycles() < 1) {
            violations.add(new Violation("cycles", "must be at least 1, or left out for an open-ended pathway"));
        }
        if (template.audience() != null) {
            audience(template.audience(), violations);
        }
        if (template.stages() == null || template.stages().isEmpty()) {
            violations.add(new Violation("stages", "a template needs at least one stage"));
            return violations;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < template.stages().size(); i++) {
            if (template.stages().get(i) == null) {
                violations.add(new Violation("stages[" + i + "]", "must be a stage"));
            } else {
                stage(template.stages().get(i), "stages[" + i + "]", keys, violations);
            }
        }
        return violations;
    }

    /** Audiences name what the directory knows: career stages, OneRoster roles, grade bands. */
    private static void audience(Template.Audience audience, List<Violation> violations) {
        unknown(audience.careerStages(), CAREER_STAGES::contains, "audience.careerStages",
                "is not a career stage: novice (under 3 years), career or veteran", violations);
        unknown(audience.roles(), RoleRow::isStaff, "audience.roles",
                "is not a OneRoster staff role, in lower case: teacher, aide, counselor, principal...", violations);
        unknown(audience.gradeBands(), GRADE_BANDS::contains, "audience.gradeBands",
                "is not a grade band: K-2, 3-5, 6-8 or 9-12", violations);
    }

    private static void unknown(List<String> values, Predicate<String> known, String field, String problem,
            List<Violation> violations) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !known.test(values.get(i))) {
                violations.add(new Violation(field + "[" + i + "]", problem));
            }
        }
    }

    private static void cadence(Cadence cadence, List<Violation> violations) {
        if (cadence == null || cadence.kind() == null) {
            violations.add(new Violation("cadence.kind", "must be SEMESTER, QUARTER, SCHOOL_YEAR or WEEKS"));
            return;
        }
        if (cadence.anchor() == null) {
            violations.add(new Violation("cadence.anchor", "the date the first cycle starts from is required"));
        }
        if (cadence.kind() == Cadence.Kind.WEEKS && (cadence.weeks() == null || cadence.weeks() < 1
                || cadence.weeks() > MAX_WEEKS)) {
            violations.add(new Violation("cadence.weeks", "a cadence of weeks needs 1 to " + MAX_WEEKS
                    + " weeks to produce a cycle"));
        }
        if (cadence.kind() != Cadence.Kind.WEEKS && cadence.weeks() != null) {
            violations.add(new Violation("cadence.weeks", "only a cadence of WEEKS takes weeks"));
        }
    }

    private static void stage(Stage stage, String path, Set<String> keys, List<Violation> violations) {
        if (blank(stage.name())) {
            violations.add(new Violation(path + ".name", "must not be blank"));
        }
        if (stage.milestones() == null || stage.milestones().isEmpty()) {
            violations.add(new Violation(path + ".milestones", "a stage needs at least one milestone"));
            return;
        }
        boolean whole = true;
        for (int i = 0; i < stage.milestones().size(); i++) {
            Milestone milestone = stage.milestones().get(i);
            if (milestone == null) {
                violations.add(new Violation(path + ".milestones[" + i + "]", "must be a milestone"));
                whole = false;
            } else {
                milestone(milestone, path + ".milestones[" + i + "]", keys, violations);
            }
        }
        if (!whole) {
            return;
        }
        if (stage.choose() != null && (stage.choose() < 1 || stage.choose() > stage.milestones().size())) {
            violations.add(new Violation(path + ".choose", "any K of these needs K from 1 to the "
                    + stage.milestones().size() + " milestones of the stage"));
        } else if (stage.needed() == 0) {
            violations.add(new Violation(path + ".milestones", "mark at least one milestone required, or give "
                    + "choose, so that the stage can complete"));
        }
    }

    private static void milestone(Milestone milestone, String path, Set<String> keys, List<Violation> violations) {
        if (blank(milestone.key())) {
            violations.add(new Violation(path + ".key", "must not be blank"));
        } else if (!keys.add(milestone.key())) {
            violations.add(new Violation(path + ".key", "milestone key " + milestone.key()
                    + " is used twice in the template"));
        }
        if (blank(milestone.title())) {
            violations.add(new Violation(path + ".title", "must not be blank"));
        }
        Rule rule = milestone.rule();
        String at = path + ".rule";
        if (rule == null) {
            violations.add(new Violation(at + ".type", "must be one of complete-offerings, attend-sessions, "
                    + "submit-evidence, earn-credential, earn-hours, coach-sign-off, reflection"));
        } else if (rule instanceof Rule.CompleteOfferings offerings && offerings.count() < 1) {
            violations.add(new Violation(at + ".count", "must be at least 1"));
        } else if (rule instanceof Rule.AttendSessions sessions) {
            if (sessions.count() < 1) {
                violations.add(new Violation(at + ".count", "must be at least 1"));
            }
            if (sessions.kind() != null && !SESSION_KINDS.contains(sessions.kind())) {
                violations.add(new Violation(at + ".kind", "must be one of "
                        + SESSION_KINDS.stream().sorted().toList()));
            }
        } else if (rule instanceof Rule.SubmitEvidence evidence && evidence.credentialId() == null) {
            violations.add(new Violation(at + ".credentialId", "is required"));
        } else if (rule instanceof Rule.EarnCredential credential && credential.credentialId() == null) {
            violations.add(new Violation(at + ".credentialId", "is required"));
        } else if (rule instanceof Rule.EarnHours hours && (hours.hours() == null
                || hours.hours().compareTo(BigDecimal.ZERO) <= 0)) {
            violations.add(new Violation(at + ".hours", "must be more than 0"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
