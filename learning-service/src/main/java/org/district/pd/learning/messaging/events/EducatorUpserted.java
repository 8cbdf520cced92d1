package org.district.pd.learning.messaging.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.district.pd.learning.educator.EducatorSnapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.roster.educator.upserted.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EducatorUpserted(@NotNull UUID educatorId, @NotBlank String sourcedId, @NotNull @Valid Name name,
        String email, Identifiers identifiers, @NotNull Boolean active) {

    public static final String TYPE = "pd.roster.educator.upserted.v1";

    /** The educator's name as rostered. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(@NotNull String givenName, @NotNull String familyName) {
    }

    /** The other names an LMS may know the educator by. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identifiers(String sisId, String username, List<String> lmsAccounts) {
    }

    public EducatorSnapshot snapshot(Instant at) {
        Identifiers known = identifiers == null ? new Identifiers(null, null, List.of()) : identifiers;
        List<String> accounts = new ArrayList<>(known.lmsAccounts() == null ? List.of() : known.lmsAccounts());
        if (known.username() != null) {
            accounts.add(known.username());
        }
        return new EducatorSnapshot(educatorId, sourcedId, name.givenName(), name.familyName(), email, known.sisId(),
                accounts, active, at);
    }
}
