package org.district.pd.plan.pathway;

import java.util.List;

/**
 * A stage of a cycle. It is complete when every required milestone is met and, when {@code choose} is given, at
 * least that many of its milestones are: "any K of these" leaves the teacher the choice.
 */
public record Stage(String name, Integer choose, List<Milestone> milestones) {

    /** How many milestones must be met: K when given, otherwise the required ones. */
    public int needed() {
        return choose != null ? choose : (int) milestones.stream().filter(Milestone::required).count();
    }
}
