package org.district.pd.credentials.submission.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A teacher's evidence for a definition. Each artifact answers one evidence requirement with a link, a text, or, in a
 * multipart submission, the name of the file part that holds it.
 */
public record NewSubmission(@NotNull UUID definitionId,
        @NotNull @Size(min = 1, max = 60) List<@NotNull @Valid NewArtifact> artifacts) {

    public record NewArtifact(@NotBlank @Size(max = 40) String requirement, @Size(max = 2000) String url,
            @Size(max = 20000) String text, @Size(max = 100) String file) {
    }
}
