package org.district.pd.learning.xapi;

import java.io.IOException;
import java.time.Instant;
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
    private static final String FIND = """
            select cast(s.statement as text), s.voiding_target is null and exists
                       (select 1 from xapi_statement v where v.voiding_target = s.id)
            from xapi_statement s where s.id = :id""";

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

    /** The statement with that id and whether it is voided; null when there is none. */
    public Uni<Found> find(UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(FIND, Object[].class)
                .setParameter("id", id)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new Found(parse((String) rows.get(0)[0]), (Boolean) rows.get(0)[1]));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored statement is not JSON", e);
        }
    }

    /** A stored statement and whether a voiding statement voids it. */
    public record Found(JsonNode statement, boolean voided) {
    }
}
