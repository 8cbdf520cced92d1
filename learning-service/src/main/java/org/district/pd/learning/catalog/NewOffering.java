package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a district admin sends to add an offering to the catalog. */
public record NewOffering(
        @NotBlank @Size(max = 200) String title,
        @NotNull Format format,
        @NotNull @DecimalMin("0") @DecimalMax("999") BigDecimal creditHours,
        @NotNull CreditType creditType,
        @NotNull @Pattern(regexp = Category.PATTERN, message = Category.MESSAGE) String category,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> lmsCourseIds) {

    public List<String> lmsCourseIdsOrEmpty() {
        return lmsCourseIds == null ? List.of() : lmsCourseIds;
    }
}
