package org.district.pd.learning.ingestion.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch as posted by an LMS. Items stay raw JSON here so that one bad item is reported on its own instead of
 * failing the whole batch.
 */
public record CompletionBatch(@NotNull @Size(min = 1, max = CompletionBatch.MAX_ITEMS) List<JsonNode> items) {

    public static final int MAX_ITEMS = 1000;
}
