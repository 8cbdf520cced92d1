package org.district.pd.learning.rating;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Stars from 1 to 5 and an optional comment. */
public record NewRating(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 2000) String comment) {
}
