package org.district.pd.learning.ingestion.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Duplicates are found by unique keys, not by reading first: each statement inserts a whole batch in the given order
 * and skips what a unique key already holds, so a concurrent batch with the same key waits for that one row only.
 * Rows go in as one JSON parameter: one round trip whatever the batch size. It is typed text first, because the
 * driver sends a string bound straight to a jsonb parameter as a JSON string, not as the document it holds.
 */
@ApplicationScoped
@WithSession
public class CompletionRepository implements PanacheRepositoryBase<Completion, UUID> {

    private static final String CLAIM = """
            insert into reported_completion (client_id, external_id, reported_at)
            select :client, reported.external_id, :now
            from jsonb_array_elements_text(cast(cast(:externalIds as text) as jsonb))
                 with ordinality as reported(external_id, position)
            order by reported.position
            on conflict do nothing
            returning external_id""";

    private static final String INSERT = """
            insert into completion (id, client_id, external_id, educator_id, offering_id, completed_at, completed_day,
                                    credit_hours, received_at, source)
            select c.id, c.client_id, c.external_id, c.educator_id, c.offering_id, c.completed_at, c.completed_day,
                   c.credit_hours, c.received_at, c.source
            from rows from (jsonb_to_recordset(cast(cast(:completions as text) as jsonb))
                     as (id uuid, client_id text, external_id text, educator_id uuid, offering_id uuid,
                         completed_at timestamptz, completed_day date, credit_hours numeric, received_at timestamptz,
                         source text))
                 with ordinality as c(id, client_id, external_id, educator_id, offering_id, completed_at, completed_day,
                                      credit_hours, received_at, source, position)
            order by c.position
            on conflict do nothing
            returning cast(id as text)""";

    private final ObjectMapper json;

    CompletionRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Claims the external ids a client reports for the first time, accepted or held alike; returns those it claimed.
     * The others were reported before, or are being reported right now by a transaction that then committed.
     */
    public Uni<Set<String>> claim(String clientId, List<String> externalIds, Instant now) {
        if (externalIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        ArrayNode ids = json.createArrayNode();
        externalIds.forEach(ids::add);
        return getSession().flatMap(session -> session.createNativeQuery(CLAIM, String.class)
                .setParameter("client", clientId)
                .setParameter("now", now)
                .setParameter("externalIds", ids.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(HashSet::new);
    }

    /**
     * Inserts completions in the given order and returns the ids of those inserted; the others repeat a completion
     * already recorded for the same client and external id, or for the same educator, offering and day.
     */
    public Uni<Set<UUID>> insertNew(List<Completion> completions) {
        if (completions.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        ArrayNode rows = json.createArrayNode();
        for (Completion completion : completions) {
            rows.addObject()
                    .put("id", completion.id.toString())
                    .put("client_id", completion.clientId)
                    .put("external_id", completion.externalId)
                    .put("educator_id", completion.educatorId.toString())
                    .put("offering_id", completion.offeringId.toString())
                    .put("completed_at", completion.completedAt.toString())
                    .put("completed_day", completion.completedDay.toString())
                    .put("credit_hours", completion.creditHours)
                    .put("received_at", completion.receivedAt.toString())
                    .put("source", completion.source);
        }
        return getSession().flatMap(session -> session.createNativeQuery(INSERT, String.class)
                .setParameter("completions", rows.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .map(inserted -> {
                    Set<UUID> ids = new HashSet<>();
                    inserted.forEach(id -> ids.add(UUID.fromString(id)));
                    return ids;
                });
    }

    /** The live completions the query names, locked: two takebacks of one completion take turns. */
    public Uni<List<Completion>> liveLocked(String query, Object... parameters) {
        return find(query + " and voidedAt is null", parameters).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** How many of the educator's completions of the offering from this source were voided. */
    public Uni<Long> voided(UUID educatorId, UUID offeringId, String source) {
        return count("educatorId = ?1 and offeringId = ?2 and source = ?3 and voidedAt is not null", educatorId,
                offeringId, source);
    }
}
