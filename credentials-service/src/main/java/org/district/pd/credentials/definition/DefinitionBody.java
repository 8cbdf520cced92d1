package org.district.pd.credentials.definition;

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

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a district admin writes to define a micro-credential, or a stack of them. A micro-credential has evidence
 * requirements, a rubric and review settings; a stack has members and is awarded when its holder holds them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefinitionBody(
        @NotNull Kind kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) String competency,
        @Size(max = 2000) String keyMethod,
        @Size(max = 4000) String researchBasis,
        @Size(max = 10) List<@NotNull @Valid EvidenceRequirement> evidence,
        @Valid Rubric rubric,
        @Valid Review review,
        @Size(max = 10) List<@NotNull UUID> members,
        @NotNull @DecimalMin("0") @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        @Min(1) @Max(120) Integer validityMonths,
        @Valid Renewal renewal,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Tag.PATTERN, message = Tag.MESSAGE) String> competencyTags) {

    public enum Kind {
        MICRO_CREDENTIAL, STACK
    }

    /** Competency tags: lower-case words joined by hyphens, as across the platform. */
    public static final class Tag {
        public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
        public static final String MESSAGE = "must be lower-case words joined by hyphens, e.g. formative-assessment";

        private Tag() {
        }
    }

    /** One kind of artifact a submission must hold, between {@code minimum} and {@code maximum} of them. */
    public record EvidenceRequirement(
            @NotNull @Pattern(regexp = Tag.PATTERN, message = Tag.MESSAGE) @Size(max = 40) String key,
            @NotNull ArtifactKind kind,
            @Min(1) @Max(20) Integer minimum,
            @Min(1) @Max(20) Integer maximum,
            @NotBlank @Size(max = 2000) String instructions) {

        public int min() {
            return minimum == null ? 1 : minimum;
        }

        public int max() {
            return maximum == null ? Math.max(min(), 1) : maximum;
        }
    }

    /**
     * The rubric: every criterion is scored on the levels; a review passes when every criterion reaches
     * {@code passing.minimumLevel} and, if given, the total reaches {@code passing.minimumTotal}.
     */
    public record Rubric(
            @NotNull @Size(min = 1, max = 12) List<@NotNull @Valid Criterion> criteria,
            @NotNull @Size(min = 2, max = 6) List<@NotNull @Valid Level> levels,
            @NotNull @Valid Passing passing) {
    }

    public record Criterion(
            @NotNull @Pattern(regexp = Tag.PATTERN, message = Tag.MESSAGE) @Size(max = 40) String key,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description) {
    }

    public record Level(@NotNull @Min(0) @Max(10) Integer score, @NotBlank @Size(max = 60) String name,
            @Size(max = 1000) String description) {
    }

    public record Passing(@NotNull @Min(0) @Max(10) Integer minimumLevel, @Min(0) @Max(120) Integer minimumTotal) {
    }

    /**
     * How a submission is reviewed: by one or two independent assessors; with two, what a disagreement leads to;
     * how many attempts a teacher has; and the turnaround target in days.
     */
    public record Review(@Min(1) @Max(2) Integer assessors, Disagreement onDisagreement,
            @Min(1) @Max(10) Integer maxAttempts, @Min(1) @Max(90) Integer turnaroundDays) {
    }

    /** When two assessors disagree: a third, independent assessor decides, or the teacher is asked to resubmit. */
    public enum Disagreement {
        THIRD_ASSESSOR, RESUBMIT
    }

    /**
     * How a credential that expires is renewed: by a new submission, which may open {@code opensDaysBefore} the expiry
     * and ask for only some of the evidence requirements (all of them when {@code evidence} is absent).
     */
    public record Renewal(@Min(0) @Max(365) Integer opensDaysBefore,
            @Size(max = 10) List<@NotNull String> evidence) {
    }
}
