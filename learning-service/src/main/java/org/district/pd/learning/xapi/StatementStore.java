package org.district.pd.learning.xapi;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The statements table, through the caller's Hibernate session: a statement and what it publishes share one
 * transaction. Statements go in and out as JSON text, typed text first (a string bound to jsonb stays a string).
 */
@ApplicationScoped
public class StatementStore {

    /** A batch's statements in one statement, in the order sent (so their seq follows it). */
    private static final String INSERT = """
            insert into xapi_statement (id, client_id, statement, verb_id, activity_id, registration, voiding_target,
                                        stored)
            select s.id, cast(:client as text), s.statement, s.verb, s.activity, s.registration, s.voiding_target,
                   cast(:stored as timestamptz)
            from rows from (jsonb_to_recordset(cast(cast(:statements as text) as jsonb))
                     as (id uuid, statement jsonb, verb text, activity text, registration uuid, voiding_target uuid))
                 with ordinality as s(id, statement, verb, activity, registration, voiding_target, n)
            order by s.n""";
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

    /** The statements already stored under any of these ids, with the client that stored each, by id. */
    Uni<Map<UUID, OfClient>> existing(Collection<UUID> ids) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select cast(id as text), client_id, cast(statement as text), seq from xapi_statement "
                        + "where id in (:ids)", Object[].class)
                .setParameter("ids", ids)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(rows -> {
                    Map<UUID, OfClient> found = new HashMap<>();
                    rows.forEach(row -> found.put(UUID.fromString((String) row[0]), new OfClient(
                            ((Number) row[3]).longValue(), (String) row[1], parse((String) row[2]))));
                    return found;
                });
    }

    /** Those of these statements of the client that a voiding statement of the client refers to. */
    Uni<Set<UUID>> voidedAmong(String clientId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select distinct cast(voiding_target as text) from xapi_statement where client_id = :client "
                        + "and voiding_target in (:ids)", String.class)
                .setParameter("client", clientId)
                .setParameter("ids", ids)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toSet()));
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

    /**
     * Stores a batch's statements in one round trip, as the outbox writes a batch's events: a statement per row of a
     * JSON array, where an insert per statement cost a round trip and an automatic flush each.
     */
    Uni<Void> insert(String clientId, List<JsonNode> statements, Instant stored) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        for (JsonNode statement : statements) {
            JsonNode object = statement.get("object");
            ObjectNode row = rows.addObject();
            row.put("id", statement.get("id").asText());
            row.set("statement", statement);
            row.put("verb", statement.get("verb").get("id").asText());
            row.put("activity", Statements.isAboutActivity(statement) ? object.get("id").asText() : null);
            row.put("registration", statement.path("context").path("registration").asText(null));
            row.put("voiding_target", Statements.isVoiding(statement) ? object.get("id").asText() : null);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                .setParameter("client", clientId)
                .setParameter("statements", rows.toString())
                .setParameter("stored", stored)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Marks these statements held: they earn once their learner is known. */
    Uni<Void> hold(List<UUID> ids, Instant since) {
        return update("update xapi_statement set held_since = :since where id in (:ids)", ids, since);
    }

    /** Clears the hold of these statements, which earned. */
    Uni<Void> release(List<UUID> ids) {
        return update("update xapi_statement set held_since = null where id in (:ids)", ids, null);
    }

    private Uni<Void> update(String sql, List<UUID> ids, Instant since) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> {
            var update = session.createNativeQuery(sql).setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT);
            if (since != null) {
                update.setParameter("since", since);
            }
            return update.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * The held statements, not voided, whose actor has one of these emails, or one of these accounts on the LMS its
     * client is bound to ({@code lms:name}), oldest first, by client.
     */
    Uni<Map<String, List<JsonNode>>> heldFor(Collection<String> emails, Collection<String> accounts) {
        List<String> whose = new ArrayList<>();
        if (!emails.isEmpty()) {
            whose.add("s.actor_email in (:emails)");
        }
        if (!accounts.isEmpty()) {
            whose.add("exists (select 1 from lms_client c where c.client_id = s.client_id "
                    + "and c.lms || ':' || s.actor_account in (:accounts))");
        }
        if (whose.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = "select s.client_id, cast(s.statement as text) from xapi_statement s where s.held_since is not "
                + "null and not (" + VOIDED + ") and (" + String.join(" or ", whose) + ") order by s.seq";
        return Panache.getSession().flatMap(session -> {
            var select = session.createNativeQuery(sql, Object[].class).setFlushMode(FlushModeType.COMMIT);
            if (!emails.isEmpty()) {
                select.setParameter("emails", emails);
            }
            if (!accounts.isEmpty()) {
                select.setParameter("accounts", accounts);
            }
            return select.getResultList();
        }).map(rows -> {
            Map<String, List<JsonNode>> byClient = new LinkedHashMap<>();
            rows.forEach(row -> byClient.computeIfAbsent((String) row[0], client -> new ArrayList<>())
                    .add(parse((String) row[1])));
            return byClient;
        });
    }

    /**
     * The statements, not voided, about these activities with one of these verbs, after the one numbered
     * {@code after} in stored order, at most {@code limit}.
     */
    Uni<List<OfClient>> earningAbout(List<String> activityIds, List<String> verbs, long after, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select s.seq, s.client_id, cast(s.statement as text) from xapi_statement s where s.activity_id in "
                        + "(:activities) and s.verb_id in (:verbs) and s.seq > :after and not (" + VOIDED + ") "
                        + "order by s.seq limit :limit", Object[].class)
                .setParameter("activities", activityIds)
                .setParameter("verbs", verbs)
                .setParameter("after", after)
                .setParameter("limit", limit)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new OfClient(((Number) row[0]).longValue(), (String) row[1],
                        parse((String) row[2]))).toList());
    }

    /** A stored statement, its place in the stored order, and the client that sent it. */
    record OfClient(long seq, String clientId, JsonNode statement) {
    }

    /** A page of the held statements, oldest first, and how many there are in all. */
    public Uni<HeldPage> held(int page, int size) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select cast(s.id as text), s.client_id, s.actor_email, s.actor_account, s.verb_id, s.activity_id,
                       s.statement ->> 'timestamp', s.held_since
                from xapi_statement s where s.held_since is not null and not (""" + VOIDED + """
                ) order by s.seq limit :size offset :offset""", Object[].class)
                .setParameter("size", size)
                .setParameter("offset", page * size)
                .getResultList()
                .flatMap(rows -> session.createNativeQuery("select count(*) from xapi_statement s where s.held_since "
                        + "is not null and not (" + VOIDED + ")", Long.class).getSingleResult()
                        .map(total -> new HeldPage(page, size, total, rows.stream().map(row -> new Held(
                                UUID.fromString((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                                (String) row[4], (String) row[5], OffsetDateTime.parse((String) row[6]).toInstant(),
                                instant(row[7]))).toList()))));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    /** A held statement: who sent it, the learner it names, what it says, and since when it waits. */
    public record Held(UUID statementId, String clientId, String email, String account, String verb,
            String activityId, Instant timestamp, Instant heldSince) {
    }

    /** A page of held statements. */
    public record HeldPage(int page, int size, long total, List<Held> items) {
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
