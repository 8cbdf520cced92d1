package org.district.pd.plan.goal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A district goal ({@code schoolId} null) or a school's, as its author writes it; a school goal may be aligned to a
 * district goal. {@code schoolYear} is written as 2026-2027.
 */
public record GoalRequest(UUID schoolId, UUID alignedTo, @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> competencyTags,
        @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{4}", message = "must be a school year such as 2026-2027")
        String schoolYear) {
}
