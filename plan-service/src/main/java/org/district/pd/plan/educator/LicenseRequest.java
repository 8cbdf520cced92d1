package org.district.pd.plan.educator;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An educator's license as a district admin sets it; without {@code expiresOn} it lasts the profile's window. */
public record LicenseRequest(@NotBlank @Size(max = 20) String profile, @NotBlank @Size(max = 80) String type,
        @NotBlank @Size(max = 40) String number, @NotNull LocalDate issuedOn, LocalDate expiresOn) {
}
