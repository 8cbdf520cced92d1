package org.district.pd.plan.pathway;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the teacher means to do in a cycle: their goals, and the optional milestones they chose where a stage asks for
 * any K. Written for the open cycle; a cycle the teacher has not written for yet carries the last one's forward
 * ({@code carriedFrom}), for them to revise.
 */
public record PlanIntent(int cycle, Integer carriedFrom, List<Goal> goals, List<String> choices) {

    /** One of the teacher's goals, linked to a school or district goal and to competencies. */
    public record Goal(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
            UUID linkedGoalId, @Size(max = 20) List<@NotBlank @Size(max = 100) String> competencyTags) {
    }

    /** The teacher's goals for the open cycle. */
    public record Goals(@NotNull @Size(max = 10) List<@Valid @NotNull Goal> goals) {
    }

    /** The optional milestones the teacher chose for the open cycle. */
    public record Choices(@NotNull @Size(max = 100) List<@NotBlank String> milestones) {
    }
}
