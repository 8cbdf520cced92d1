package org.district.pd.plan.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.PathwayState.CycleStatus;
import org.district.pd.plan.pathway.PathwayState.MilestoneProgress;
import org.district.pd.plan.pathway.PathwayState.StageProgress;

/**
 * Derives a plan's state from its template and the set of facts about the teacher, and from nothing else: the same
 * facts give the same state whatever order they came in, a repeated fact changes nothing, and a reversal takes its
 * fact out as if it had never come, reopening what it had completed.
 *
 * <p>The first cycle opens when the plan starts and lasts to the end of that cadence period. Facts count in time order
 * (ties by id) toward every milestone they match in the open cycle. The fact that completes the last stage closes the
 * cycle then, and the next one opens at once, lasting to the end of the following period; a cycle still unfinished at
 * its end closes as incomplete and the next opens there. A plan with a number of cycles ends after the last.
 */
public final class PathwayEngine {

    private static final Comparator<Fact> IN_TIME_ORDER = Comparator.comparing(Fact::time).thenComparing(Fact::id)
            .thenComparing(fact -> fact.kind().name());

    private PathwayEngine() {
    }

    public static PathwayState evaluate(Template template, Instant planStart, Collection<Fact> facts, Instant now) {
        return evaluate(cycle -> template, planStart, facts, now);
    }

    /**
     * As above, with the template version each cycle runs on: a plan moves to a template's newer version only when
     * its next cycle opens, so earlier cycles keep the stages, cadence and count they ran with.
     */
    public static PathwayState evaluate(IntFunction<Template> templateOfCycle, Instant planStart,
            Collection<Fact> facts, Instant now) {
        List<Fact> counted = counted(facts, planStart, now);
        List<Cycle> cycles = new ArrayList<>();
        Instant opens = planStart;
        Instant periodFrom = planStart;
        int next = 0;
        for (int number = 1; ; number++) {
            Template template = templateOfCycle.apply(number);
            if (template.cycles() != null && number > template.cycles()) {
                return new PathwayState(cycles, true);
            }
            Cadence cadence = template.cadence();
            Instant ends = cadence.startOf(cadence.periodOf(periodFrom) + 1);
            Progress progress = new Progress(template.stages());
            Instant completedAt = null;
            while (completedAt == null && next < counted.size() && counted.get(next).time().isBefore(ends)) {
                Fact fact = counted.get(next++);
                progress.apply(fact);
                if (progress.complete()) {
                    completedAt = fact.time();
                }
            }
            if (completedAt == null && ends.isAfter(now)) {
                cycles.add(progress.cycle(number, opens, ends, CycleStatus.OPEN, null));
                return new PathwayState(cycles, false);
            }
            Instant closed = completedAt != null ? completedAt : ends;
            cycles.add(progress.cycle(number, opens, ends, completedAt != null ? CycleStatus.COMPLETED
                    : CycleStatus.INCOMPLETE, closed));
            opens = closed;
            periodFrom = ends;
        }
    }

    /** The facts that count, once each, in time order: none reversed, none before the plan or after now. */
    private static List<Fact> counted(Collection<Fact> facts, Instant planStart, Instant now) {
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(IN_TIME_ORDER); // linear when they come in order, as the plan's refresher reads them
        Set<String> seen = new HashSet<>();
        Set<String> reversed = new HashSet<>();
        List<Fact> once = new ArrayList<>(sorted.size());
        for (Fact fact : sorted) {
            if (!seen.add(fact.id())) {
                continue;
            }
            if (fact.kind() == Fact.Kind.REVERSAL) {
                reversed.add(fact.reverses());
            } else if (!fact.time().isBefore(planStart) && !fact.time().isAfter(now)) {
                once.add(fact);
            }
        }
        once.removeIf(fact -> reversed.contains(fact.id()));
        return once;
    }

    /** The milestones of one cycle as its facts are applied. */
    private static final class Progress {

        private final List<Stage> stages;
        private final List<List<Measure>> measures = new ArrayList<>();

        Progress(List<Stage> stages) {
            this.stages = stages;
            stages.forEach(stage -> measures.add(stage.milestones().stream().map(Measure::new).toList()));
        }

        void apply(Fact fact) {
            measures.forEach(stage -> stage.forEach(measure -> measure.apply(fact)));
        }

        boolean complete() {
            return stageCompletions().stream().allMatch(completed -> completed != null);
        }

        /** When each stage completed: once it was met itself, and not before the stage ahead of it. */
        private List<Instant> stageCompletions() {
            List<Instant> completions = new ArrayList<>();
            Instant previous = Instant.MIN;
            for (int i = 0; i < stages.size(); i++) {
                Instant met = previous == null ? null : metAt(stages.get(i), measures.get(i));
                Instant completed = met == null ? null : max(met, previous);
                completions.add(completed);
                previous = completed;
            }
            return completions;
        }

        Cycle cycle(int number, Instant opens, Instant ends, CycleStatus status, Instant closed) {
            List<Instant> completions = stageCompletions();
            List<StageProgress> progress = new ArrayList<>();
            int current = stages.size();
            for (int i = 0; i < stages.size(); i++) {
                List<MilestoneProgress> milestones = measures.get(i).stream().map(Measure::progress).toList();
                progress.add(new StageProgress(stages.get(i).name(), completions.get(i),
                        toMeet(stages.get(i), milestones), milestones));
                if (completions.get(i) == null && current == stages.size()) {
                    current = i;
                }
            }
            return new Cycle(number, opens, ends, status, closed, current, progress);
        }

        /** Still to meet: each required milestone open, and as many more as "any K" asks beyond those met. */
        private static int toMeet(Stage stage, List<MilestoneProgress> milestones) {
            long met = milestones.stream().filter(MilestoneProgress::met).count();
            long requiredOpen = milestones.stream().filter(m -> m.required() && !m.met()).count();
            return (int) Math.max(requiredOpen, stage.needed() - met);
        }

        /**
         * When a stage's milestones were met: every required one, and the K-th of all when it asks for any K. Null
         * while they are not.
         */
        private static Instant metAt(Stage stage, List<Measure> measures) {
            Instant latestRequired = Instant.MIN;
            List<Instant> met = new ArrayList<>();
            for (Measure measure : measures) {
                if (measure.metAt != null) {
                    met.add(measure.metAt);
                }
                if (measure.milestone.required()) {
                    if (measure.metAt == null) {
                        return null;
                    }
                    latestRequired = max(latestRequired, measure.metAt);
                }
            }
            int needed = stage.needed();
            if (met.size() < needed) {
                return null;
            }
            met.sort(Comparator.naturalOrder());
            return needed == 0 ? latestRequired : max(latestRequired, met.get(needed - 1));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /** One milestone's rule measured against the facts of a cycle. */
    private static final class Measure {

        private final Milestone milestone;
        private final Set<String> subjects = new HashSet<>();
        private final List<String> counted = new ArrayList<>();
        private BigDecimal amount = BigDecimal.ZERO;
        private Instant metAt;

        Measure(Milestone milestone) {
            this.milestone = milestone;
        }

        void apply(Fact fact) {
            BigDecimal contribution = contribution(milestone.rule(), fact);
            if (contribution.signum() == 0) {
                return;
            }
            counted.add(fact.id());
            amount = amount.add(contribution);
            if (metAt == null && amount.compareTo(milestone.rule().target()) >= 0) {
                metAt = fact.time();
            }
        }

        private BigDecimal contribution(Rule rule, Fact fact) {
            boolean counts;
            if (rule instanceof Rule.CompleteOfferings offerings) {
                counts = fact.kind() == Fact.Kind.COURSE_COMPLETED && matches(offerings.tag(), fact.tags())
                        && matches(offerings.format(), fact.format()) && matches(offerings.category(), fact.category())
                        && subjects.add(fact.subject());
            } else if (rule instanceof Rule.AttendSessions sessions) {
                counts = fact.kind() == Fact.Kind.SESSION_ATTENDED && matches(sessions.kind(), fact.format())
                        && subjects.add(fact.subject());
            } else if (rule instanceof Rule.SubmitEvidence evidence) {
                counts = once(fact, Fact.Kind.EVIDENCE_SUBMITTED, evidence.credentialId().toString());
            } else if (rule instanceof Rule.EarnCredential credential) {
                counts = once(fact, Fact.Kind.CREDENTIAL_AWARDED, credential.credentialId().toString());
            } else if (rule instanceof Rule.EarnHours hours) {
                // Hours come from what the ledger credits: completions, credit-bearing sessions and awards.
                return fact.hours() != null && fact.kind() != Fact.Kind.EVIDENCE_SUBMITTED
                        && matches(hours.category(), fact.category()) ? fact.hours() : BigDecimal.ZERO;
            } else if (rule instanceof Rule.CoachSignOff) {
                counts = once(fact, Fact.Kind.COACH_SIGN_OFF, milestone.key());
            } else if (rule instanceof Rule.Reflection) {
                counts = once(fact, Fact.Kind.REFLECTION, milestone.key());
            } else {
                throw new IllegalStateException("no measure for " + rule);
            }
            return counts ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        private boolean once(Fact fact, Fact.Kind kind, String subject) {
            return fact.kind() == kind && subject.equals(fact.subject()) && subjects.add(subject);
        }

        MilestoneProgress progress() {
            BigDecimal target = milestone.rule().target();
            return new MilestoneProgress(milestone.key(), milestone.required(), amount.min(target), target, metAt,
                    List.copyOf(counted));
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.equalsIgnoreCase(actual);
        }

        private static boolean matches(String wanted, Set<String> tags) {
            return wanted == null || tags.stream().anyMatch(wanted::equalsIgnoreCase);
        }
    }
}
