package org.district.pd.learning.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Maps one more LMS course id to an existing offering. */
public record NewLmsCourse(@NotBlank @Size(max = 200) String lmsCourseId) {
}
