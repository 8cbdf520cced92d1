package org.district.pd.credentials.submission.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An assessor's review: a level and feedback for each criterion of the rubric, and an overall comment. */
public record ReviewBody(@NotNull @Size(min = 1, max = 12) List<@NotNull @Valid CriterionScore> scores,
        @Size(max = 4000) String feedback) {

    public record CriterionScore(@NotBlank String criterion, @NotNull Integer level,
            @NotBlank @Size(max = 4000) String feedback) {
    }
}
