package org.district.pd.learning.educator;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One LMS identity (exactly one of email, sisId, lmsAccount) to link to a rostered educator. */
public record NewLink(@Email @Size(max = 320) String email, @Size(max = 200) String sisId,
        @Size(max = 200) String lmsAccount, @NotNull UUID educatorId) {
}
