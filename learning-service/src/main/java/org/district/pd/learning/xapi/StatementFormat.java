package org.district.pd.learning.xapi;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A query's {@code format} (docs/xapi-test-list.md 82). {@code exact} is the statement as stored. {@code ids} keeps
 * only what identifies: an Agent's identifier (an anonymous Group's members'), an Activity's id, a Verb's id.
 * {@code canonical} keeps one language of each language map, the caller's first choice that the map has; this LRS
 * keeps no definitions beside the statements, so each statement's own definitions are its canonical ones.
 */
final class StatementFormat {

    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private StatementFormat() {
    }

    /** {@code statement} in {@code format}, a copy; {@code languages} in the caller's order of preference. */
    static JsonNode apply(JsonNode statement, StatementQuery.Format format, List<Locale> languages) {
        return switch (format) {
            case EXACT -> statement;
            case IDS -> ids((ObjectNode) statement.deepCopy());
            case CANONICAL -> canonical(statement.deepCopy(), languages);
        };
    }

    private static ObjectNode ids(ObjectNode statement) {
        agent(statement.get("actor"));
        agent(statement.get("authority"));
        if (statement.get("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        JsonNode object = statement.get("object");
        String type = object.path("objectType").asText("Activity");
        switch (type) {
            case "Activity" -> activity(object);
            case "Agent", "Group" -> agent(object);
            case "SubStatement" -> ids((ObjectNode) object);
            default -> {
                // a StatementRef is an id already
            }
        }
        if (statement.get("context") instanceof ObjectNode context) {
            agent(context.get("instructor"));
            agent(context.get("team"));
            if (context.get("contextActivities") instanceof ObjectNode lists) {
                lists.forEach(list -> {
                    if (list.isArray()) {
                        list.forEach(StatementFormat::activity);
                    } else {
                        activity(list);
                    }
                });
            }
            context.path("contextAgents").forEach(item -> agent(item.get("agent")));
            context.path("contextGroups").forEach(item -> agent(item.get("group")));
        }
        return statement;
    }

    /** An Activity is its id alone: Activity is the default objectType. */
    private static void activity(JsonNode activity) {
        if (activity instanceof ObjectNode node) {
            node.remove("definition");
            node.remove("objectType");
        }
    }

    private static void agent(JsonNode agent) {
        if (!(agent instanceof ObjectNode node)) {
            return;
        }
        boolean identified = IFIS.stream().anyMatch(node::has);
        node.remove("name");
        if (identified) {
            node.remove("member");
        } else {
            node.path("member").forEach(StatementFormat::agent);
        }
    }

    /** Language maps are the objects under display, name and description whose values are all text. */
    private static JsonNode canonical(JsonNode node, List<Locale> languages) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.equals("extensions")) {
                    continue;
                }
                if (isLanguageMap(name, field.getValue())) {
                    field.setValue(oneLanguage((ObjectNode) field.getValue(), languages));
                } else {
                    canonical(field.getValue(), languages);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> canonical(item, languages));
        }
        return node;
    }

    private static boolean isLanguageMap(String name, JsonNode value) {
        if (!(name.equals("display") || name.equals("name") || name.equals("description")) || !value.isObject()
                || value.isEmpty()) {
            return false;
        }
        for (JsonNode text : value) {
            if (!text.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode oneLanguage(ObjectNode map, List<Locale> languages) {
        String chosen = null;
        for (Locale wanted : languages) {
            chosen = match(map, wanted);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = map.has("und") ? "und" : map.fieldNames().next();
        }
        ObjectNode one = map.objectNode();
        one.set(chosen, map.get(chosen));
        return one;
    }

    /** The map's tag equal to {@code wanted}, else one of the same language (en for en-US, en-GB for en). */
    private static String match(ObjectNode map, Locale wanted) {
        String tag = wanted.toLanguageTag();
        String language = wanted.getLanguage();
        String sameLanguage = null;
        for (Iterator<String> names = map.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equalsIgnoreCase(tag)) {
                return name;
            }
            if (sameLanguage == null && Locale.forLanguageTag(name).getLanguage().equals(language)) {
                sameLanguage = name;
            }
        }
        return sameLanguage;
    }
}
