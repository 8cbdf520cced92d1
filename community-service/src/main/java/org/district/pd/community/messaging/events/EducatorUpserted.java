package org.district.pd.community.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.district.pd.community.educator.EducatorDirectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.roster.educator.upserted.v1: who, where, and what they teach. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EducatorUpserted(@NotNull UUID educatorId, @NotNull @Valid Name name, String email,
        @NotNull List<@NotNull UUID> schoolIds, List<@NotNull String> subjects, List<@NotNull String> grades,
        @NotNull Boolean active) {

    public static final String TYPE = "pd.roster.educator.upserted.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(@NotNull String givenName, @NotNull String familyName) {
    }

    public EducatorDirectory.Snapshot snapshot(Instant at) {
        return new EducatorDirectory.Snapshot(educatorId, name.givenName(), name.familyName(), email,
                schoolIds.toArray(UUID[]::new), subjects == null ? new String[0] : subjects.toArray(String[]::new),
                grades == null ? new String[0] : grades.toArray(String[]::new), active, at);
    }
}
