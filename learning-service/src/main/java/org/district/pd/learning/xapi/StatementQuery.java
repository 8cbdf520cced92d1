package org.district.pd.learning.xapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.Parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A GET of the Statements resource without an id (docs/xapi-test-list.md 74-89): the filters, the page and the
 * format. Parameters are matched case-sensitively, booleans are the literals true and false, and anything else is a
 * 400 naming the parameter. A page after the first comes from a {@code more} link, which carries the query and where
 * the last page ended; it goes alone.
 */
public record StatementQuery(JsonNode agent, String verb, String activity, UUID registration,
        boolean relatedActivities, boolean relatedAgents, Instant since, Instant until, int limit, boolean ascending,
        Format format, boolean attachments, Long after) {

    /** How statements are returned: as stored, reduced to identifiers, or with one language per language map. */
    public enum Format {
        EXACT, IDS, CANONICAL
    }

    static final Set<String> PARAMETERS = Set.of("agent", "verb", "activity", "registration", "related_activities",
            "related_agents", "since", "until", "limit", "format", "attachments", "ascending");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the query filters on more than time: then a statement that refers to a match matches too. */
    boolean filters() {
        return agent != null || verb != null || activity != null || registration != null;
    }

    /** The query from a request's parameters (each given at most once), at most {@code maximum} per page. */
    public static StatementQuery of(Map<String, List<String>> parameters, int maximum) {
        if (parameters.containsKey("more")) {
            if (parameters.size() > 1) {
                throw ProblemException.invalid("more", "goes alone: it carries the query it continues");
            }
            return continued(single(parameters, "more"), maximum);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.invalid(name, "is not a parameter of a statement query (names are "
                        + "case-sensitive): " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
            given.put(name, single(parameters, name));
        }
        return parse(given, null, maximum);
    }

    /** The {@code more} link to the page after the statement numbered {@code lastSeq}, relative to the LRS. */
    public String more(long lastSeq) {
        Map<String, Object> carried = new LinkedHashMap<>();
        carried.put("q", given());
        carried.put("after", lastSeq);
        try {
            return "/xapi/statements?more=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(JSON.writeValueAsBytes(carried));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a query's parameters are always JSON", e);
        }
    }

    private Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        if (agent != null) {
            given.put("agent", agent.toString());
        }
        put(given, "verb", verb);
        put(given, "activity", activity);
        put(given, "registration", registration);
        put(given, "related_activities", relatedActivities ? true : null);
        put(given, "related_agents", relatedAgents ? true : null);
        put(given, "since", since);
        put(given, "until", until);
        put(given, "limit", limit);
        put(given, "ascending", ascending ? true : null);
        put(given, "format", format == Format.EXACT ? null : format.name().toLowerCase(Locale.ROOT));
        put(given, "attachments", attachments ? true : null);
        return given;
    }

    private static void put(Map<String, String> given, String name, Object value) {
        if (value != null) {
            given.put(name, value.toString());
        }
    }

    private static StatementQuery continued(String token, int maximum) {
        try {
            JsonNode carried = JSON.readTree(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
            Map<String, String> given = new LinkedHashMap<>();
            carried.get("q").fields().forEachRemaining(field -> given.put(field.getKey(), field.getValue().asText()));
            return parse(given, carried.get("after").asLong(), maximum);
        } catch (RuntimeException | IOException e) {
            throw ProblemException.invalid("more", "is not a link this LRS gave; follow the more link of a "
                    + "StatementResult as it is");
        }
    }

    private static StatementQuery parse(Map<String, String> given, Long after, int maximum) {
        List<Violation> violations = new ArrayList<>();
        JsonNode agent = agent(given.get("agent"), violations);
        String verb = iri("verb", given.get("verb"), violations);
        String activity = iri("activity", given.get("activity"), violations);
        UUID registration = null;
        try {
            registration = Parameters.optionalUuid("registration", given.get("registration"));
        } catch (ProblemException e) {
            violations.add(new Violation("registration", "must be a UUID"));
        }
        boolean relatedActivities = bool("related_activities", given.get("related_activities"), violations);
        boolean relatedAgents = bool("related_agents", given.get("related_agents"), violations);
        Instant since = timestamp("since", given.get("since"), violations);
        Instant until = timestamp("until", given.get("until"), violations);
        int limit = maximum;
        String limitText = given.get("limit");
        if (limitText != null) {
            try {
                int asked = Integer.parseInt(limitText);
                if (asked < 0) {
                    throw new NumberFormatException();
                }
                limit = asked == 0 ? maximum : Math.min(asked, maximum);
            } catch (NumberFormatException e) {
                violations.add(new Violation("limit", "must be a whole number from 0 (as many as the LRS gives, "
                        + maximum + ")"));
            }
        }
        boolean ascending = bool("ascending", given.get("ascending"), violations);
        Format format = Format.EXACT;
        String formatText = given.get("format");
        if (formatText != null) {
            switch (formatText) {
                case "exact" -> format = Format.EXACT;
                case "ids" -> format = Format.IDS;
                case "canonical" -> format = Format.CANONICAL;
                default -> violations.add(new Violation("format", "must be ids, exact or canonical"));
            }
        }
        boolean attachments = bool("attachments", given.get("attachments"), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new StatementQuery(agent, verb, activity, registration, relatedActivities, relatedAgents, since, until,
                limit, ascending, format, attachments, after);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values.size() != 1) {
            throw ProblemException.invalid(name, "is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static JsonNode agent(String text, List<Violation> violations) {
        if (text == null) {
            return null;
        }
        JsonNode agent;
        try {
            agent = StatementParser.json(text);
        } catch (ProblemException e) {
            violations.add(new Violation("agent", "must be an Agent or identified Group as JSON"));
            return null;
        }
        List<Violation> found = StatementValidator.agentViolations(agent, "agent");
        if (!found.isEmpty()) {
            violations.addAll(found);
            return null;
        }
        if (StatementValidator.ifiCount(agent) != 1) {
            violations.add(new Violation("agent", "an anonymous Group matches nothing: name an Agent or a Group "
                    + "by one of mbox, mbox_sha1sum, openid, account"));
            return null;
        }
        return agent;
    }

    private static String iri(String name, String value, List<Violation> violations) {
        if (value != null && !StatementValidator.isIri(value)) {
            violations.add(new Violation(name, "must be an IRI"));
        }
        return value;
    }

    private static boolean bool(String name, String value, List<Violation> violations) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        violations.add(new Violation(name, "must be true or false"));
        return false;
    }

    private static Instant timestamp(String name, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be an ISO 8601 timestamp with its offset, such as "
                    + "2026-11-30T09:00:00Z"));
            return null;
        }
    }
}
