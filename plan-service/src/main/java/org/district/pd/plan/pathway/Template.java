package org.district.pd.plan.pathway;

import java.util.List;

/**
 * A recurring growth pathway as its author wrote it: who it is for, how often its cycles recur and how many (null:
 * open-ended), and the stages each cycle goes through in order.
 */
public record Template(String name, Audience audience, Cadence cadence, Integer cycles, List<Stage> stages) {

    /**
     * Who the template is for, within its school or the district; an empty list or a null means anyone. With
     * {@code autoAssign} the matching educators get a plan on roster import, and again on later roster changes; with
     * {@code openEnrollment} a teacher who sees the template may start a plan of it for themselves.
     */
    public record Audience(List<String> careerStages, List<String> roles, List<String> subjects,
            List<String> gradeBands, boolean autoAssign, boolean openEnrollment) {
    }
}
