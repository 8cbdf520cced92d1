package org.district.pd.learning.xapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether a Statement sent again with a stored id is the same Statement (IEEE 9274.1.1 §4.2 "Statement
 * Immutability"; docs/xapi-test-list.md 69): the LRS-assigned properties (id, authority, stored, timestamp, version),
 * attachments, verb displays and activity definitions do not count, nor letter case, nor the order of a Group's
 * members, nor a duration's precision beyond a hundredth of a second.
 */
public final class StatementComparison {

    private static final List<String> IGNORED = List.of("id", "authority", "stored", "timestamp", "version",
            "attachments");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)\\.(\\d{1,2})\\d*S$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatementComparison() {
    }

    public static boolean same(JsonNode stored, JsonNode sent) {
        return canonical(stored).equals(canonical(sent));
    }

    static JsonNode canonical(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        IGNORED.forEach(copy::remove);
        strip(copy);
        return normalized(copy, "");
    }

    /** Drops what does not count wherever it occurs: verb displays and activity definitions, in SubStatements too. */
    private static void strip(ObjectNode statement) {
        if (statement.get("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        if (statement.get("object") instanceof ObjectNode object) {
            object.remove("definition");
            if ("SubStatement".equals(object.path("objectType").asText())) {
                object.remove("attachments");
                strip(object);
            }
        }
        if (statement.path("context").get("contextActivities") instanceof ObjectNode activities) {
            activities.fields().forEachRemaining(kind -> {
                if (kind.getValue() instanceof ObjectNode single) {
                    ArrayNode list = NODES.arrayNode();
                    list.add(single);
                    kind.setValue(list);
                }
                kind.getValue().forEach(activity -> ((ObjectNode) activity).remove("definition"));
            });
        }
    }

    private static JsonNode normalized(JsonNode node, String field) {
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            fields.forEach(entry -> result.set(entry.getKey(), normalized(entry.getValue(), entry.getKey())));
            return result;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalized(item, field)));
            if (field.equals("member")) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode result = NODES.arrayNode();
            items.forEach(result::add);
            return result;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value);
        }
        if (node.isTextual()) {
            String text = node.asText().toLowerCase(Locale.ROOT);
            if (field.equals("duration")) {
                Matcher seconds = SECONDS.matcher(text.toUpperCase(Locale.ROOT));
                if (seconds.find()) {
                    String hundredths = (seconds.group(2) + "0").substring(0, 2);
                    text = (text.substring(0, seconds.start()) + seconds.group(1) + "." + hundredths + "s");
                }
            }
            return NODES.textNode(text);
        }
        return node;
    }
}
