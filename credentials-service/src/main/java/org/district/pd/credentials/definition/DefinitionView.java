package org.district.pd.credentials.definition;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A definition version as district admins and teachers read it: its identity and status, then the definition. */
public record DefinitionView(UUID id, int version, CredentialDefinition.Status status, Instant createdAt,
        String createdBy, Instant publishedAt, @JsonUnwrapped DefinitionBody definition) {

    static DefinitionView of(CredentialDefinition stored, DefinitionBody body) {
        return new DefinitionView(stored.id, stored.version, stored.status, stored.createdAt, stored.createdBy,
                stored.publishedAt, body);
    }
}
