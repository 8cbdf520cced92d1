package org.district.pd.learning.xapi;

import java.util.ArrayList;
import java.util.List;

import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as one Statement or an array of them. A property given twice is refused (rule 4): the parser
 * detects it, where a lenient one would keep the last value silently.
 */
public final class StatementParser {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StatementParser() {
    }

    /** The statements in {@code body}, in order; a single object is a list of one. */
    public static List<JsonNode> statements(String body) {
        JsonNode root = json(body);
        if (root == null || root.isMissingNode()) {
            throw ProblemException.invalid("statement", "is required in the body");
        }
        List<JsonNode> statements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(statements::add);
        } else {
            statements.add(root);
        }
        return statements;
    }

    /** {@code text} as JSON, strictly; the missing node when it is empty. */
    static JsonNode json(String text) {
        try {
            return STRICT.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("statement", "is not well-formed JSON: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        }
    }
}
