package org.district.pd.learning.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One course of one LMS; the same course id in two LMSs names two different courses. */
public record LmsCourse(
        @NotNull @Pattern(regexp = LmsName.PATTERN, message = LmsName.MESSAGE) String lms,
        @NotBlank @Size(max = 200) String courseId) {

    public LmsCourse {
        courseId = courseId == null ? null : courseId.strip();
    }
}
