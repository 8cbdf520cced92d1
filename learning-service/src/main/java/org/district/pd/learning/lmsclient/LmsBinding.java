package org.district.pd.learning.lmsclient;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.district.pd.learning.catalog.LmsName;

/** What a district admin sends to bind an LMS client: the name of the LMS, as used in course mappings. */
public record LmsBinding(@NotNull @Pattern(regexp = LmsName.PATTERN, message = LmsName.MESSAGE) String lms) {
}
