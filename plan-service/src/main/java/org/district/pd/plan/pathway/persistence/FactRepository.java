package org.district.pd.plan.pathway.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.plan.pathway.Fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The facts about each educator: written inside the inbox's transaction, each once, and read for the engine. */
@ApplicationScoped
public class FactRepository {

    /**
     * Whether fact {@code f} matters to plan {@code p}: the engine counts no fact from before a plan's start, but a
     * reversal of any date takes out the fact it names, and a fact of the plan alone (coaching, with what its author
     * wrote) is on the plan's timeline whenever it came. Any other fact makes no plan due: a backfill of a teacher's
     * history leaves their plans alone.
     */
    private static final String MATTERS =
            "(f.kind = 'REVERSAL' or f.plan_id is not null or f.occurred_at >= p.started_at)";

    /** The fact, and a reason to evaluate again each plan of its teacher (or only its own plan) that it matters to. */
    private static final String RECORD = """
            with fact as (
                insert into educator_fact (fact_id, educator_id, plan_id, kind, occurred_at, subject, tags, format,
                                           category, hours, reverses, detail)
                values (:id, :educator, :plan, :kind, :time, :subject, cast(cast(:tags as text) as jsonb), :format,
                        :category, :hours, :reverses, cast(cast(:detail as text) as jsonb))
                on conflict do nothing
                returning fact_id, educator_id, plan_id, kind, occurred_at)
            insert into plan_refresh_due (plan_id, cause, due_at)
            select p.id, f.fact_id, greatest(f.occurred_at, now())
            from fact f join plan p on p.educator_id = f.educator_id and (f.plan_id is null or p.id = f.plan_id)
            where %s
            on conflict do nothing""".formatted(MATTERS);

    /** {@link #RECORD} for many facts about all of their teachers' plans, given as one JSON parameter. */
    private static final String RECORD_ALL = """
            with fact as (
                insert into educator_fact (fact_id, educator_id, kind, occurred_at, subject, tags, format, category,
                                           hours, reverses)
                select f.fact_id, f.educator_id, f.kind, f.occurred_at, f.subject, f.tags, f.format, f.category,
                       f.hours, f.reverses
                from jsonb_to_recordset(cast(cast(:facts as text) as jsonb))
                     as f(n int, fact_id text, educator_id uuid, kind text, occurred_at timestamptz, subject text,
                          tags jsonb, format text, category text, hours numeric, reverses text)
                order by f.n
                on conflict do nothing
                returning fact_id, educator_id, plan_id, kind, occurred_at)
            insert into plan_refresh_due (plan_id, cause, due_at)
            select p.id, f.fact_id, greatest(f.occurred_at, now())
            from fact f join plan p on p.educator_id = f.educator_id
            where %s
            on conflict do nothing""".formatted(MATTERS);

    private static final String FACT_COLUMNS = """
            f.educator_id, f.plan_id, f.fact_id collate "C" as fact_id, f.kind, f.occurred_at, f.subject,
            f.tags::text as tags, f.format, f.category, f.hours, f.reverses, f.detail::text as detail""";

    /**
     * The facts about educators {@code $1} that matter to one of their plans, in the engine's time order: from their
     * earliest plan's start on, every reversal, and every fact of one plan. Three disjoint parts, each on an index, so
     * a long history from before the plans is not read. (Any other fact makes no plan due, so no cause is left out.)
     */
    private static final String OF_EDUCATORS = """
            with since as (
                select educator_id, min(started_at) as started_at from plan where educator_id = any($1)
                group by educator_id)
            select %1$s from educator_fact f join since s on s.educator_id = f.educator_id
            where f.occurred_at >= s.started_at and f.kind <> 'REVERSAL'
            union all
            select %1$s from educator_fact f where f.educator_id = any($1) and f.kind = 'REVERSAL'
            union all
            select %1$s from educator_fact f join since s on s.educator_id = f.educator_id
            where f.plan_id is not null and f.occurred_at < s.started_at and f.kind <> 'REVERSAL'
            order by educator_id, occurred_at, fact_id""".formatted(FACT_COLUMNS);

    /**
     * A fact about a teacher, for all their plans, or for one plan only ({@code planId}), with what its author wrote
     * ({@code detail}: a check-in's notes, a reflection) when it has any.
     */
    public record Scoped(UUID planId, Fact fact, Map<String, Object> detail) {

        public boolean concerns(UUID plan) {
            return planId == null || planId.equals(plan);
        }
    }

    private final ObjectMapper json;

    FactRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records {@code fact} in the current transaction, and makes the teacher's plans due for evaluation; a fact
     * recorded before (a redelivery) changes nothing.
     */
    public Uni<Void> record(UUID educatorId, Fact fact) {
        return record(educatorId, null, fact, null);
    }

    /** As above, for one plan of the teacher's only when {@code planId} is given, with what its author wrote. */
    public Uni<Void> record(UUID educatorId, UUID planId, Fact fact, Map<String, Object> detail) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD)
                .setParameter("id", fact.id())
                .setParameter("educator", educatorId)
                .setParameter("plan", planId)
                .setParameter("kind", fact.kind().name())
                .setParameter("time", fact.time())
                .setParameter("subject", fact.subject())
                .setParameter("tags", write(fact.tags()))
                .setParameter("format", fact.format())
                .setParameter("category", fact.category())
                .setParameter("hours", fact.hours())
                .setParameter("reverses", fact.reverses())
                .setParameter("detail", detail == null ? null : write(detail))
                // Hibernate Reactive flushes before a native update whatever this says (it reads the session's
                // flush mode): a caller holding many entities flushes and clears its session first.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** {@link #record(UUID, Fact)} of each fact about its educator, in one statement. */
    public Uni<Void> recordAll(List<Map.Entry<UUID, Fact>> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        for (Map.Entry<UUID, Fact> about : facts) {
            Fact fact = about.getValue();
            ObjectNode row = rows.addObject()
                    .put("n", rows.size())
                    .put("fact_id", fact.id())
                    .put("educator_id", about.getKey().toString())
                    .put("kind", fact.kind().name())
                    .put("occurred_at", fact.time().toString())
                    .put("subject", fact.subject())
                    .put("format", fact.format())
                    .put("category", fact.category())
                    .put("hours", fact.hours())
                    .put("reverses", fact.reverses());
            row.set("tags", json.valueToTree(fact.tags()));
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD_ALL)
                .setParameter("facts", rows.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The facts about these educators that matter to one of their plans ({@link #OF_EDUCATORS}), by educator, in time
     * order (ties by id); read on the connection of a transaction.
     */
    public Uni<Map<UUID, List<Scoped>>> of(SqlConnection tx, Collection<UUID> educatorIds) {
        return tx.preparedQuery(OF_EDUCATORS).execute(Tuple.of(educatorIds.toArray(UUID[]::new))).map(rows -> {
            // A teacher's facts number in the thousands over the years, read again at each evaluation: columns by
            // position (by name is a search per value), and each distinct tag list parsed once.
            Map<UUID, List<Scoped>> facts = new HashMap<>();
            Map<String, Set<String>> tags = new HashMap<>();
            rows.forEach(row -> facts.computeIfAbsent(row.getUUID(0), id -> new ArrayList<>())
                    .add(new Scoped(row.getUUID(1), new Fact(row.getString(2), Fact.Kind.valueOf(row.getString(3)),
                            row.getOffsetDateTime(4).toInstant(), row.getString(5),
                            tags.computeIfAbsent(row.getString(6), this::read), row.getString(7), row.getString(8),
                            row.getBigDecimal(9), row.getString(10)),
                            row.getString(11) == null ? null : readDetail(row.getString(11)))));
            return facts;
        });
    }

    private Map<String, Object> readDetail(String detail) {
        try {
            return json.readValue(detail, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fact's detail cannot be read", e);
        }
    }

    private String write(Object tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags cannot be written as JSON", e);
        }
    }

    private Set<String> read(String tags) {
        try {
            return Collections.unmodifiableSet(json.readValue(tags, new TypeReference<LinkedHashSet<String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags cannot be read", e);
        }
    }
}
