package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a district admin sends to add an offering to the catalog. With {@code variableCredit} an LMS may report the
 * hours earned, up to {@code maxCreditHours}; otherwise every completion earns {@code creditHours}.
 */
public record NewOffering(
        @NotBlank @Size(max = 200) String title,
        @NotNull Format format,
        @NotNull @DecimalMin("0") @DecimalMax("999") BigDecimal creditHours,
        Boolean variableCredit,
        @DecimalMin("0") @DecimalMax("999") BigDecimal maxCreditHours,
        @NotNull CreditType creditType,
        @NotNull @Pattern(regexp = Category.PATTERN, message = Category.MESSAGE) String category,
        @Size(max = 50) List<@NotNull @Valid LmsCourse> lmsCourses) {

    public boolean variable() {
        return Boolean.TRUE.equals(variableCredit);
    }

    public List<LmsCourse> lmsCoursesOrEmpty() {
        return lmsCourses == null ? List.of() : lmsCourses;
    }
}
