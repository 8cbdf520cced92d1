package org.district.pd.learning.session.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a session is cancelled: shown to those who registered. */
public record SessionCancellation(@NotBlank @Size(max = 2000) String reason) {
}
