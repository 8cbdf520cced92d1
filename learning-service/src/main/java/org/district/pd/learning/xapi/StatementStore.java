package org.district.pd.learning.xapi;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The statements table, through the caller's Hibernate session: a statement and what it publishes share one
 * transaction. Statements go in and out as JSON text, typed text first (a string bound to jsonb stays a string).
 */
@ApplicationScoped
public class StatementStore {

    private static final String INSERT = """
            insert into xapi_statement (id, client_id, statement, verb_id, activity_id, registration, voiding_target,
                                        stored)
            values (:id, :client, cast(cast(:statement as text) as jsonb), :verb, :activity, :registration,
                    :voidingTarget, :stored)""";
    /** Rule 109: a statement is voided if and only if it is not voiding and a voiding statement refers to it. */
    private static final String VOIDED = """
            s.voiding_target is null
            and exists (select 1 from xapi_statement v where v.voiding_target = s.id and v.client_id = s.client_id)""";
    private static final String FIND = "select cast(s.statement as text), " + VOIDED
            + " from xapi_statement s where s.id = :id and s.client_id = :client";
    /** Rule 86: a statement whose object is a StatementRef matches when its target does, down a chain of them. */
    private static final String REFERS_TO_MATCH = """
            s.ref_target is not null and exists (
                with recursive chain (id, depth) as (
                    select s.ref_target, 1
                    union all
                    select t.ref_target, c.depth + 1 from chain c join xapi_statement t on t.id = c.id
                    where t.ref_target is not null and t.client_id = s.client_id and c.depth < 16)
                select 1 from chain c join xapi_statement m on m.id = c.id
                where m.client_id = :client and %s)""";

    private final ObjectMapper json;

    StatementStore(ObjectMapper json) {
        this.json = json;
    }

    /** The statements already stored under any of these ids, by id. */
    Uni<Map<UUID, JsonNode>> existing(Collection<UUID> ids) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select cast(id as text), cast(statement as text) from xapi_statement where id in (:ids)",
                Object[].class)
                .setParameter("ids", ids)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(rows -> {
                    Map<UUID, JsonNode> found = new HashMap<>();
                    rows.forEach(row -> found.put(UUID.fromString((String) row[0]), parse((String) row[1])));
                    return found;
                });
    }

    /** Which client stored each of these statements, by id, for those stored. */
    Uni<Map<UUID, String>> clients(Collection<UUID> ids) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select cast(id as text), client_id from xapi_statement where id in (:ids)", Object[].class)
                .setParameter("ids", ids)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(rows -> {
                    Map<UUID, String> found = new HashMap<>();
                    rows.forEach(row -> found.put(UUID.fromString((String) row[0]), (String) row[1]));
                    return found;
                });
    }

    Uni<Void> insert(String clientId, List<JsonNode> statements, Instant stored) {
        return Multi.createFrom().iterable(statements).onItem().transformToUniAndConcatenate(statement -> {
            JsonNode object = statement.get("object");
            String registration = statement.path("context").path("registration").asText(null);
            return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                    .setParameter("id", UUID.fromString(statement.get("id").asText()))
                    .setParameter("client", clientId)
                    .setParameter("statement", statement.toString())
                    .setParameter("verb", statement.get("verb").get("id").asText())
                    .setParameter("activity", Statements.isAboutActivity(statement) ? object.get("id").asText() : null)
                    .setParameter("registration", registration == null ? null : UUID.fromString(registration))
                    .setParameter("voidingTarget", Statements.isVoiding(statement)
                            ? UUID.fromString(object.get("id").asText()) : null)
                    .setParameter("stored", stored)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate());
        }).collect().last().replaceWithVoid();
    }

    /** The client's statement with that id and whether it is voided; null when there is none. */
    public Uni<Found> find(String clientId, UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(FIND, Object[].class)
                .setParameter("id", id)
                .setParameter("client", clientId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new Found(parse((String) rows.get(0)[0]), (Boolean) rows.get(0)[1]));
    }

    /**
     * The client's statements that match the query and are not voided, in stored order, one more than the query's
     * limit (to tell whether there is a next page). Those that match themselves, and those that refer to a match, are
     * two index-backed scans merged: statements with a StatementRef object are few.
     */
    Uni<List<Stored>> query(String clientId, StatementQuery query) {
        List<String> matches = new ArrayList<>();
        if (query.agent() != null) {
            matches.add((query.relatedAgents() ? "?.related_agents" : "?.agents")
                    + " @> array[xapi_ifi(cast(cast(:agent as text) as jsonb))]");
        }
        if (query.verb() != null) {
            matches.add("?.verb_id = :verb");
        }
        if (query.activity() != null) {
            matches.add(query.relatedActivities() ? "?.related_activities @> array[cast(:activity as text)]"
                    : "?.activity_id = :activity");
        }
        if (query.registration() != null) {
            matches.add("?.registration = :registration");
        }
        List<String> bounds = new ArrayList<>(List.of("s.client_id = :client", "not (" + VOIDED + ")"));
        if (query.since() != null) {
            bounds.add("s.stored > :since");
        }
        if (query.until() != null) {
            bounds.add("s.stored <= :until");
        }
        if (query.after() != null) {
            bounds.add(query.ascending() ? "s.seq > :after" : "s.seq < :after");
        }
        String order = " order by s.seq " + (query.ascending() ? "asc" : "desc") + " limit :limit";
        String where = String.join(" and ", bounds);
        String sql;
        if (matches.isEmpty()) {
            sql = "select s.seq, cast(s.statement as text) from xapi_statement s where " + where + order;
        } else {
            String match = String.join(" and ", matches);
            sql = "select s.seq, cast(s.statement as text) from xapi_statement s where s.seq in ("
                    + "(select s.seq from xapi_statement s where " + where + " and " + match.replace("?.", "s.")
                    + order + ") union all (select s.seq from xapi_statement s where " + where + " and "
                    + REFERS_TO_MATCH.formatted(match.replace("?.", "m.")) + order + "))" + order;
        }
        return Panache.getSession().flatMap(session -> {
            var select = session.createNativeQuery(sql, Object[].class)
                    .setParameter("client", clientId)
                    .setParameter("limit", query.limit() + 1);
            if (query.agent() != null) {
                select.setParameter("agent", query.agent().toString());
            }
            if (query.verb() != null) {
                select.setParameter("verb", query.verb());
            }
            if (query.activity() != null) {
                select.setParameter("activity", query.activity());
            }
            if (query.registration() != null) {
                select.setParameter("registration", query.registration());
            }
            if (query.since() != null) {
                select.setParameter("since", query.since());
            }
            if (query.until() != null) {
                select.setParameter("until", query.until());
            }
            if (query.after() != null) {
                select.setParameter("after", query.after());
            }
            return select.getResultList();
        }).map(rows -> rows.stream().map(row -> new Stored(((Number) row[0]).longValue(), parse((String) row[1])))
                .toList());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored statement is not JSON", e);
        }
    }

    /** A statement and its place in the stored order. */
    record Stored(long seq, JsonNode statement) {
    }

    /** A stored statement and whether a voiding statement voids it. */
    public record Found(JsonNode statement, boolean voided) {
    }
}
