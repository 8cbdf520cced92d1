package org.district.pd.learning.outside;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.district.pd.learning.catalog.CreditType;

/**
 * A request for credit for outside PD. With {@code preApproval} it is asked before the PD takes place and the evidence
 * follows; without, the PD is over and {@code evidenceUrl} comes now. {@code schoolId} is needed only by a teacher of
 * several schools: it says whose principal decides.
 */
public record NewOutsideRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String provider,
        @Size(max = 5000) String description,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999") BigDecimal hours,
        @NotNull CreditType creditType,
        @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$",
                message = "must be an upper-case code such as CONFERENCE (letters, digits, underscores)")
        String category,
        @Size(max = 30) List<@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$",
                message = "must be a lower-case tag such as formative-assessment (letters, digits, '-')")
                String> competencyTags,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) link") String evidenceUrl,
        Boolean preApproval,
        UUID schoolId) {

    public boolean wantsPreApproval() {
        return Boolean.TRUE.equals(preApproval);
    }
}
