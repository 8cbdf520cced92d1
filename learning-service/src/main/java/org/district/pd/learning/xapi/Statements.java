package org.district.pd.learning.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * Context activities as the LRS returns them (XAPI-00096): each of parent, grouping, category and other an array,
     * also where a single activity was sent; in a SubStatement too.
     */
    static void contextActivitiesAsArrays(ObjectNode statement) {
        if (statement.path("context").get("contextActivities") instanceof ObjectNode lists) {
            lists.fields().forEachRemaining(list -> {
                if (list.getValue().isObject()) {
                    list.setValue(lists.arrayNode().add(list.getValue()));
                }
            });
        }
        if (statement.get("object") instanceof ObjectNode object
                && "SubStatement".equals(object.path("objectType").asText())) {
            contextActivitiesAsArrays(object);
        }
    }
}
