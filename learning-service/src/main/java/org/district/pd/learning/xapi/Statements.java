package org.district.pd.learning.xapi;

import com.fasterxml.jackson.databind.JsonNode;

/** What a valid statement says, in the few ways the LRS acts on. */
final class Statements {

    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private Statements() {
    }

    static boolean isVoiding(JsonNode statement) {
        return VOIDED.equals(statement.path("verb").path("id").asText())
                && "StatementRef".equals(statement.path("object").path("objectType").asText());
    }

    static boolean isAboutActivity(JsonNode statement) {
        JsonNode object = statement.get("object");
        return !object.has("objectType") || "Activity".equals(object.get("objectType").asText());
    }
}
