package org.district.pd.plan.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A state's (or the district's) license renewal rules, as data: the hours required in a window of years, how many
 * hours one unit of each credit type is worth, caps per category as a share of the requirement, carry-over from the
 * previous window and, where the state has them, the providers whose hours count.
 */
public record RenewalProfile(
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin(value = "1") @DecimalMax("2000") @Digits(integer = 4, fraction = 2) BigDecimal requiredHours,
        @Min(1) @Max(10) int windowYears,
        @NotNull @Size(min = 4, max = 4) SortedMap<@NotNull @Pattern(regexp = CREDIT_TYPE) String,
                @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                @Digits(integer = 3, fraction = 4) BigDecimal> conversions,
        @NotNull @Size(max = 50) SortedMap<@NotNull @Pattern(regexp = CATEGORY) String,
                @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
                @Digits(integer = 1, fraction = 4) BigDecimal> caps,
        @Valid CarryOver carryOver,
        @Size(min = 1, max = 500) List<@NotBlank @Size(max = 200) String> approvedProviders) {

    /** The credit types a completion may carry; a profile converts every one of them. */
    public static final String CREDIT_TYPE = "CLOCK_HOUR|CEU|SEMESTER_HOUR|CREDIT";
    public static final String CATEGORY = "[A-Z][A-Z0-9_]{1,39}";

    /** Up to {@code maxHours} earned in the last {@code lastYears} years of the previous window count in this one. */
    public record CarryOver(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000") @Digits(integer = 4, fraction = 2)
            BigDecimal maxHours,
            @Min(1) @Max(10) int lastYears) {
    }

    /** The hours {@code units} of {@code creditType} are worth, to the hundredth of an hour, half up. */
    public BigDecimal hours(String creditType, BigDecimal units) {
        return hours(conversions, creditType, units);
    }

    /** The hours {@code units} of {@code creditType} are worth under {@code conversions}, to the hundredth, half up. */
    public static BigDecimal hours(Map<String, BigDecimal> conversions, String creditType, BigDecimal units) {
        BigDecimal perUnit = conversions.get(creditType);
        if (perUnit == null) {
            throw new IllegalArgumentException("no conversion for " + creditType);
        }
        return units.multiply(perUnit).setScale(2, RoundingMode.HALF_UP);
    }

    /** The most hours of {@code category} that count, or null when the category has no cap. */
    public BigDecimal cap(String category) {
        BigDecimal share = caps.get(category);
        return share == null ? null : requiredHours.multiply(share).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Whether hours from {@code provider} count: every provider where the profile names none; else the district's own
     * activity (no provider: its sessions, communities and credentials) and the providers it names, in any case.
     */
    public boolean approves(String provider) {
        if (approvedProviders == null || provider == null || provider.isBlank()) {
            return true;
        }
        String wanted = provider.strip().toLowerCase(Locale.ROOT);
        return approvedProviders.stream().anyMatch(approved -> approved.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
