package org.district.pd.learning.xapi;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.Problem.Violation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The xAPI 2.0 rules for a Statement's content (IEEE 9274.1.1 §4.2; the numbers in comments are those of
 * learning-service/docs/xapi-test-list.md). It answers every violation with the JSON path of the value that breaks it,
 * so a 400 names each field, and accepts only what the standard defines: unknown properties, nulls and wrongly cased
 * names are violations (rules 2, 3, 5, 6), except inside extensions, whose values are anything.
 */
public final class StatementValidator {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP = Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid",
            "account");
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final List<String> COMPONENT_LISTS = List.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT = Set.of("registration", "instructor", "team", "contextActivities",
            "contextAgents", "contextGroups", "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** An absolute IRI: a scheme, a colon and no white space (rule 8; best effort is allowed). */
    private static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$");
    private static final Pattern MAILTO = Pattern.compile("^mailto:[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SHA1 = Pattern.compile("^[0-9a-fA-F]{40}$");
    /** RFC 5646 in outline: the sequence of subtag lengths (rule 28). */
    private static final Pattern LANGUAGE = Pattern.compile(
            "^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                    + "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
                    + "(?:-x(?:-[A-Za-z0-9]{1,8})+)?$|^x(?:-[A-Za-z0-9]{1,8})+$");
    /** ISO 8601 durations in the format of §4.4.3.2 only (rule 39): PnYnMnDTnHnMnS or PnW. */
    private static final Pattern DURATION = Pattern.compile(
            "^P(?:\\d+W|(?=\\d|T\\d)(?:\\d+Y)?(?:\\d+M)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?)$");
    private static final Pattern VERSION = Pattern.compile("^(?:1\\.0(?:\\.\\d+)?|2\\.0(?:\\.\\d+)?)$");
    private static final Pattern NEGATIVE_ZERO_OFFSET = Pattern.compile("-00(?::?00)?$");

    private final List<Violation> violations = new ArrayList<>();

    private StatementValidator() {
    }

    /** Every way {@code statement} breaks the rules; empty when it is valid. */
    public static List<Violation> violations(JsonNode statement) {
        StatementValidator validator = new StatementValidator();
        validator.statement(statement, "", false);
        return validator.violations;
    }

    /** Every way {@code agent}, an Agent or a Group at {@code path}, breaks the rules. */
    public static List<Violation> agentViolations(JsonNode agent, String path) {
        StatementValidator validator = new StatementValidator();
        validator.agentOrGroup(agent, path, false);
        return validator.violations;
    }

    /** How many inverse functional identifiers a valid Agent or Group has: 0 for an anonymous Group, else 1. */
    public static int ifiCount(JsonNode agent) {
        return (int) IFIS.stream().filter(agent::has).count();
    }

    /** Whether {@code value} is an absolute IRI, as statements must give them. */
    public static boolean isIri(String value) {
        return IRI.matcher(value).matches();
    }

    private void statement(JsonNode statement, String path, boolean sub) {
        if (!object(statement, path, sub ? SUB_STATEMENT : STATEMENT)) {
            return;
        }
        if (!sub) {
            optional(statement, path, "id", this::uuid);
            optional(statement, path, "stored", this::timestamp);
            optional(statement, path, "authority", this::authority);
            optional(statement, path, "version", (value, at) -> {
                if (text(value, at) && !VERSION.matcher(value.asText()).matches()) {
                    violation(at, "is not an xAPI version this LRS accepts (1.0.x or 2.0.x)");
                }
            });
        }
        required(statement, path, "actor", (value, at) -> agentOrGroup(value, at, false));
        required(statement, path, "verb", this::verb);
        required(statement, path, "object", (value, at) -> statementObject(value, at, sub));
        optional(statement, path, "result", this::result);
        optional(statement, path, "context", (value, at) -> context(value, at, isActivity(statement.get("object"))));
        optional(statement, path, "timestamp", this::timestamp);
        optional(statement, path, "attachments", (value, at) -> each(value, at, this::attachment));
    }

    /**
     * Rule 54: an authority is an Agent, or (3-legged OAuth) an anonymous Group of exactly two Agents. The LRS sets
     * its own, but a statement that names a wrong one is refused.
     */
    private void authority(JsonNode value, String path) {
        agentOrGroup(value, path, false);
        if (value.isObject() && "Group".equals(value.path("objectType").asText())
                && (ifiCount(value) != 0 || !value.path("member").isArray() || value.path("member").size() != 2)) {
            violation(path, "a Group authority is an anonymous Group of exactly two Agents");
        }
    }

    /** Rules 16-25: an Agent (objectType optional unless {@code asObject}) or a Group. */
    private void agentOrGroup(JsonNode value, String path, boolean asObject) {
        if (!value.isObject()) {
            violation(path, "must be an Agent or a Group object");
            return;
        }
        JsonNode type = value.get("objectType");
        if (asObject && type == null) {
            violation(path + ".objectType", "is required when an Agent or Group is the object");
        }
        if (type != null && type.isTextual() && type.asText().equals("Group")) {
            group(value, path);
        } else if (type == null || type.isTextual() && type.asText().equals("Agent")) {
            agent(value, path);
        } else {
            violation(path + ".objectType", "must be Agent or Group");
        }
    }

    private void agent(JsonNode agent, String path) {
        if (!object(agent, path, AGENT)) {
            return;
        }
        optional(agent, path, "name", this::text);
        int ifis = ifis(agent, path);
        if (ifis != 1) {
            violation(path, "an Agent has exactly one of mbox, mbox_sha1sum, openid, account; it has " + ifis);
        }
    }

    private void group(JsonNode group, String path) {
        if (!object(group, path, GROUP)) {
            return;
        }
        optional(group, path, "name", this::text);
        int ifis = ifis(group, path);
        if (ifis > 1) {
            violation(path, "a Group has at most one of mbox, mbox_sha1sum, openid, account; it has " + ifis);
        }
        JsonNode member = group.get("member");
        if (ifis == 0 && member == null) {
            violation(path + ".member", "is required for an anonymous Group");
        }
        optional(group, path, "member", (value, at) -> each(value, at, (agent, agentAt) -> {
            JsonNode type = agent.get("objectType");
            if (type != null && !(type.isTextual() && type.asText().equals("Agent"))) {
                violation(agentAt + ".objectType", "a Group's members are Agents");
            } else {
                agent(agent, agentAt);
            }
        }));
    }

    /** Counts and checks the inverse functional identifiers (rules 17-21). */
    private int ifis(JsonNode actor, String path) {
        int count = 0;
        for (String ifi : IFIS) {
            JsonNode value = actor.get(ifi);
            if (value == null) {
                continue;
            }
            count++;
            String at = path + "." + ifi;
            switch (ifi) {
                case "mbox" -> matches(value, at, MAILTO, "must be mailto: and an email address");
                case "mbox_sha1sum" -> matches(value, at, SHA1, "must be the hex SHA-1 of a mailto IRI");
                case "openid" -> iri(value, at);
                default -> account(value, at);
            }
        }
        return count;
    }

    private void account(JsonNode account, String path) {
        if (object(account, path, Set.of("homePage", "name"))) {
            required(account, path, "homePage", this::iri);
            required(account, path, "name", this::text);
        }
    }

    /** Rules 26-27. */
    private void verb(JsonNode verb, String path) {
        if (object(verb, path, Set.of("id", "display"))) {
            required(verb, path, "id", this::iri);
            optional(verb, path, "display", this::languageMap);
        }
    }

    /** Rules 30-36: an Activity unless objectType says otherwise. */
    private void statementObject(JsonNode object, String path, boolean inSub) {
        if (!object.isObject()) {
            violation(path, "must be an object");
            return;
        }
        JsonNode type = object.get("objectType");
        String kind = type == null ? "Activity" : type.isTextual() ? type.asText() : "";
        switch (kind) {
            case "Activity" -> activity(object, path);
            case "Agent", "Group" -> agentOrGroup(object, path, true);
            case "StatementRef" -> statementRef(object, path);
            case "SubStatement" -> {
                if (inSub) {
                    violation(path + ".objectType", "a SubStatement may not contain another SubStatement");
                } else {
                    statement(object, path, true);
                }
            }
            default -> violation(path + ".objectType",
                    "must be Activity, Agent, Group, SubStatement or StatementRef");
        }
    }

    private void activity(JsonNode activity, String path) {
        if (object(activity, path, ACTIVITY)) {
            required(activity, path, "id", this::iri);
            optional(activity, path, "definition", this::definition);
        }
    }

    private void definition(JsonNode definition, String path) {
        if (!object(definition, path, DEFINITION)) {
            return;
        }
        optional(definition, path, "name", this::languageMap);
        optional(definition, path, "description", this::languageMap);
        optional(definition, path, "type", this::iri);
        optional(definition, path, "moreInfo", this::iri);
        optional(definition, path, "extensions", this::extensions);
        JsonNode interaction = definition.get("interactionType");
        if (interaction == null) {
            for (String field : List.of("correctResponsesPattern", "choices", "scale", "source", "target", "steps")) {
                if (definition.has(field)) {
                    violation(path + "." + field, "needs an interactionType");
                }
            }
            return;
        }
        if (!interaction.isTextual() || !INTERACTION_TYPES.contains(interaction.asText())) {
            violation(path + ".interactionType", "must be one of " + INTERACTION_TYPES.stream().sorted().toList());
        }
        optional(definition, path, "correctResponsesPattern", (value, at) -> each(value, at, this::text));
        for (String list : COMPONENT_LISTS) {
            optional(definition, path, list, (value, at) -> {
                Set<String> ids = new HashSet<>();
                each(value, at, (component, componentAt) -> {
                    if (object(component, componentAt, Set.of("id", "description"))) {
                        required(component, componentAt, "id", (id, idAt) -> {
                            if (text(id, idAt) && !ids.add(id.asText())) {
                                violation(idAt, "repeats another component's id");
                            }
                        });
                        optional(component, componentAt, "description", this::languageMap);
                    }
                });
            });
        }
    }

    private void statementRef(JsonNode ref, String path) {
        if (object(ref, path, Set.of("objectType", "id"))) {
            required(ref, path, "id", this::uuid);
        }
    }

    /** Rules 37-40. */
    private void result(JsonNode result, String path) {
        if (!object(result, path, RESULT)) {
            return;
        }
        optional(result, path, "score", this::score);
        optional(result, path, "success", this::bool);
        optional(result, path, "completion", this::bool);
        optional(result, path, "response", this::text);
        optional(result, path, "duration", (value, at) -> matches(value, at, DURATION,
                "must be an ISO 8601 duration such as PT1H30M"));
        optional(result, path, "extensions", this::extensions);
    }

    private void score(JsonNode score, String path) {
        if (!object(score, path, SCORE)) {
            return;
        }
        for (String field : SCORE) {
            optional(score, path, field, (value, at) -> {
                if (!value.isNumber()) {
                    violation(at, "must be a number");
                }
            });
        }
        BigDecimal scaled = number(score.get("scaled"));
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE) > 0 || scaled.compareTo(BigDecimal.ONE.negate()) < 0)) {
            violation(path + ".scaled", "must be from -1 to 1");
        }
        BigDecimal raw = number(score.get("raw"));
        BigDecimal min = number(score.get("min"));
        BigDecimal max = number(score.get("max"));
        if (min != null && max != null && min.compareTo(max) >= 0) {
            violation(path + ".min", "must be less than max");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            violation(path + ".raw", "must be at least min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            violation(path + ".raw", "must be at most max");
        }
    }

    /** Rules 41-47; revision and platform only when the object is an Activity (rule 45). */
    private void context(JsonNode context, String path, boolean aboutActivity) {
        if (!object(context, path, CONTEXT)) {
            return;
        }
        optional(context, path, "registration", this::uuid);
        optional(context, path, "instructor", (value, at) -> agentOrGroup(value, at, false));
        optional(context, path, "team", (value, at) -> {
            if (value.isObject() && !"Group".equals(value.path("objectType").asText())) {
                violation(at + ".objectType", "a team is a Group");
            } else {
                agentOrGroup(value, at, false);
            }
        });
        optional(context, path, "contextActivities", this::contextActivities);
        for (String field : List.of("revision", "platform")) {
            optional(context, path, field, (value, at) -> {
                if (text(value, at) && !aboutActivity) {
                    violation(at, "is allowed only when the object is an Activity");
                }
            });
        }
        optional(context, path, "language", (value, at) -> matches(value, at, LANGUAGE,
                "must be an RFC 5646 language tag"));
        optional(context, path, "statement", (value, at) -> {
            if (value.isObject() && !"StatementRef".equals(value.path("objectType").asText())) {
                violation(at + ".objectType", "must be StatementRef");
            }
            statementRef(value, at);
        });
        optional(context, path, "extensions", this::extensions);
        optional(context, path, "contextAgents", (value, at) -> each(value, at,
                (item, itemAt) -> contextActor(item, itemAt, "contextAgent", "agent")));
        optional(context, path, "contextGroups", (value, at) -> each(value, at,
                (item, itemAt) -> contextActor(item, itemAt, "contextGroup", "group")));
    }

    private void contextActivities(JsonNode activities, String path) {
        if (!object(activities, path, CONTEXT_ACTIVITIES)) {
            return;
        }
        for (String key : CONTEXT_ACTIVITIES) {
            optional(activities, path, key, (value, at) -> {
                if (value.isArray()) {
                    each(value, at, this::activity);
                } else {
                    activity(value, at);
                }
            });
        }
    }

    private void contextActor(JsonNode item, String path, String type, String field) {
        if (!object(item, path, Set.of("objectType", field, "relevantTypes"))) {
            return;
        }
        required(item, path, "objectType", (value, at) -> {
            if (!value.isTextual() || !value.asText().equals(type)) {
                violation(at, "must be " + type);
            }
        });
        required(item, path, field, (value, at) -> {
            if (field.equals("group") && value.isObject() && !"Group".equals(value.path("objectType").asText())) {
                violation(at + ".objectType", "must be Group");
            } else {
                agentOrGroup(value, at, false);
            }
        });
        optional(item, path, "relevantTypes", (value, at) -> {
            if (value.isArray() && value.isEmpty()) {
                violation(at, "must not be empty");
            }
            each(value, at, this::iri);
        });
    }

    /** Rule 56: the attachment's description; its content travels separately. */
    private void attachment(JsonNode attachment, String path) {
        if (!object(attachment, path, ATTACHMENT)) {
            return;
        }
        required(attachment, path, "usageType", this::iri);
        required(attachment, path, "display", this::languageMap);
        optional(attachment, path, "description", this::languageMap);
        required(attachment, path, "contentType", this::text);
        required(attachment, path, "length", (value, at) -> {
            if (!value.isIntegralNumber() || value.asLong() < 0) {
                violation(at, "must be a whole number of bytes");
            }
        });
        required(attachment, path, "sha2", this::text);
        optional(attachment, path, "fileUrl", this::iri);
    }

    /** Rule 28: keys are language tags, values strings. */
    private void languageMap(JsonNode map, String path) {
        if (!map.isObject()) {
            violation(path, "must be a language map");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = map.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String at = path + "." + entry.getKey();
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                violation(at, "is not an RFC 5646 language tag");
            }
            text(entry.getValue(), at);
        }
    }

    /** Rule 29: keys are IRIs; values are anything, null included. */
    private void extensions(JsonNode extensions, String path) {
        if (!extensions.isObject()) {
            violation(path, "must be an object");
            return;
        }
        extensions.fieldNames().forEachRemaining(key -> {
            if (!IRI.matcher(key).matches()) {
                violation(path + "." + key, "an extension key must be an IRI");
            }
        });
    }

    /** Rules 48-49: ISO 8601 with a zone; -00:00 (unknown offset) is refused. */
    private void timestamp(JsonNode value, String path) {
        if (!text(value, path)) {
            return;
        }
        String text = value.asText();
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (NEGATIVE_ZERO_OFFSET.matcher(text).find()) {
                violation(path, "an offset of -00:00 says the zone is unknown; use Z or +00:00");
            }
        } catch (DateTimeException e) {
            violation(path, "must be an ISO 8601 date-time with a zone, such as 2026-11-30T15:00:00Z");
        }
    }

    private void uuid(JsonNode value, String path) {
        matches(value, path, UUID, "must be a UUID");
    }

    private void iri(JsonNode value, String path) {
        matches(value, path, IRI, "must be an absolute IRI");
    }

    private void matches(JsonNode value, String path, Pattern pattern, String message) {
        if (text(value, path) && !pattern.matcher(value.asText()).matches()) {
            violation(path, message);
        }
    }

    private void bool(JsonNode value, String path) {
        if (!value.isBoolean()) {
            violation(path, "must be true or false");
        }
    }

    private boolean text(JsonNode value, String path) {
        if (!value.isTextual()) {
            violation(path, "must be a string");
            return false;
        }
        return true;
    }

    private void each(JsonNode value, String path, Rule rule) {
        if (!value.isArray()) {
            violation(path, "must be an array");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = path + "[" + i + "]";
            if (item.isNull()) {
                violation(at, "must not be null");
            } else {
                rule.check(item, at);
            }
        }
    }

    /** An object with only {@code allowed} properties, none null (rules 2, 3 and 5). */
    private boolean object(JsonNode value, String path, Set<String> allowed) {
        if (!value.isObject()) {
            violation(path.isEmpty() ? "statement" : path, "must be an object");
            return false;
        }
        value.fields().forEachRemaining(field -> {
            String at = join(path, field.getKey());
            if (!allowed.contains(field.getKey())) {
                violation(at, "is not a property xAPI defines here");
            } else if (field.getValue().isNull()) {
                violation(at, "must not be null");
            }
        });
        return true;
    }

    private void required(JsonNode parent, String path, String field, Rule rule) {
        JsonNode value = parent.get(field);
        if (value == null) {
            violation(join(path, field), "is required");
        } else if (!value.isNull()) {
            rule.check(value, join(path, field));
        }
    }

    private void optional(JsonNode parent, String path, String field, Rule rule) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isNull()) {
            rule.check(value, join(path, field));
        }
    }

    private static boolean isActivity(JsonNode object) {
        return object != null && object.isObject()
                && (!object.has("objectType") || "Activity".equals(object.get("objectType").asText()));
    }

    private static BigDecimal number(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private void violation(String path, String message) {
        violations.add(new Violation(path, message));
    }

    /** Checks one value found at a path. */
    @FunctionalInterface
    private interface Rule {
        void check(JsonNode value, String path);
    }
}
