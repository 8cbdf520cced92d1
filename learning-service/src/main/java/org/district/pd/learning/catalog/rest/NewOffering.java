package org.district.pd.learning.catalog.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.district.pd.learning.catalog.Audience;
import org.district.pd.learning.catalog.Category;
import org.district.pd.learning.catalog.CreditType;
import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.Standard;
import org.district.pd.learning.catalog.Tags;
import org.district.pd.learning.catalog.XapiActivity;

/**
 * What an author sends to add an offering to the catalog, or to replace its details. With {@code variableCredit} an
 * LMS may report the hours earned, up to {@code maxCreditHours}; otherwise every completion earns {@code creditHours}.
 * {@code schoolId} makes it a school's offering; without it, it is the district's.
 */
public record NewOffering(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull Format format,
        @Min(1) @Max(100000) Integer durationMinutes,
        @NotNull @DecimalMin("0") @DecimalMax("999") BigDecimal creditHours,
        Boolean variableCredit,
        @DecimalMin("0") @DecimalMax("999") BigDecimal maxCreditHours,
        @NotNull CreditType creditType,
        @NotNull @Pattern(regexp = Category.PATTERN, message = Category.MESSAGE) String category,
        @Size(max = 30) List<@NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> competencyTags,
        @Size(max = 11) List<@NotNull Standard> standards,
        @Size(max = 100) String subject,
        @Size(max = 4) List<@NotNull @Pattern(regexp = Audience.GRADE_BAND, message = Audience.GRADE_BAND_MESSAGE)
                String> gradeBands,
        @Size(max = 3) List<@NotNull @Pattern(regexp = Audience.CAREER_STAGE, message = Audience.CAREER_STAGE_MESSAGE)
                String> careerStages,
        @Size(max = 200) String provider,
        UUID schoolId,
        @Min(1) @Max(100) Integer requiredSessions,
        @Size(max = 50) List<@NotNull @Valid LmsCourse> lmsCourses,
        @Size(max = 50) List<@NotNull @Pattern(regexp = XapiActivity.PATTERN, message = XapiActivity.MESSAGE)
                String> xapiActivityIds) {

    public boolean variable() {
        return Boolean.TRUE.equals(variableCredit);
    }

    public List<LmsCourse> lmsCoursesOrEmpty() {
        return lmsCourses == null ? List.of() : lmsCourses;
    }

    public List<String> xapiActivityIdsOrEmpty() {
        return xapiActivityIds == null ? List.of() : xapiActivityIds;
    }
}
