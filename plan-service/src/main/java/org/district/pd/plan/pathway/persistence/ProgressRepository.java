package org.district.pd.plan.pathway.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.PathwayState;
import org.district.pd.plan.pathway.PathwayState.Cycle;
import org.district.pd.plan.pathway.Template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The progress refresher's statements, each on the connection of its transaction: which plans are due, their template
 * versions and stored state, and what an evaluation writes back.
 */
@ApplicationScoped
public class ProgressRepository {

    /** A plan as the refresher evaluates it: its template version from each cycle on, and its state as stored. */
    public record DuePlan(UUID id, UUID educatorId, UUID templateId, Instant startedAt,
            TreeMap<Integer, Pinned> versions, PathwayState state) {
    }

    /** A template version a plan runs on from a cycle on. */
    public record Pinned(int version, Template template) {
    }

    /** Why a plan was due: a fact's id, {@code cadence} or {@code started}, and from when. */
    public record Cause(String cause, Instant dueAt) {
    }

    /**
     * Plans with a reason due by {@code $1}, a batch of those due longest, skipping those another evaluation holds.
     * The reasons are read by time: read distinct by plan, the whole table was scanned four times a second for
     * nothing due (22 ms each, 9 % of a core on an idle district of 75,000 plans; by time 0.3 ms).
     */
    private static final String LOCK_DUE = """
            select p.id from plan p
            join (select distinct plan_id
                  from (select plan_id from plan_refresh_due where due_at <= $1 order by due_at limit $2 * 4) due) d
                on d.plan_id = p.id
            order by p.id limit $2
            for update of p skip locked""";

    private static final String LOCK = "select id from plan where id = any($1) order by id for update";

    private static final String TAKE_CAUSES = """
            delete from plan_refresh_due where plan_id = any($1) and due_at <= $2 returning plan_id, cause, due_at""";

    private static final String PLANS = """
            select p.id, p.educator_id, p.template_id, p.started_at, p.state::text as state
            from plan p where p.id = any($1)""";

    private static final String VERSIONS = """
            select v.plan_id, v.from_cycle, v.version, t.body::text as body
            from plan_template_version v
            join plan p on p.id = v.plan_id
            join pathway_template t on t.id = p.template_id and t.version = v.version
            where v.plan_id = any($1) order by v.plan_id, v.from_cycle""";

    private static final String LATEST = """
            select distinct on (id) id, version, body::text as body from pathway_template
            where id = any($1) order by id, version desc""";

    private static final String PIN = """
            insert into plan_template_version (plan_id, from_cycle, version) values ($1, $2, $3)
            on conflict do nothing""";

    private static final String SAVE = """
            update plan set state = $2::text::jsonb, refreshed_at = $3, cycle_number = $4, cycle_status = $5,
                   cycle_opens_at = $6, cycle_ends_at = $7, stage_index = $8, stage_name = $9, ended = $10,
                   template_version = $11
            where id = $1""";

    private static final String TIMELINE = """
            insert into plan_timeline (plan_id, recorded_at, causes, changes)
            values ($1, $2, $3::text::jsonb, $4::text::jsonb)""";

    private static final String DUE = """
            insert into plan_refresh_due (plan_id, cause, due_at) values ($1, $2, $3)
            on conflict (plan_id, cause) do update set due_at = excluded.due_at""";

    private static final String NOT_DUE = "delete from plan_refresh_due where plan_id = $1 and cause = $2";

    private final ObjectMapper json;

    ProgressRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<List<UUID>> lockDue(SqlConnection tx, Instant now, int limit) {
        return tx.preparedQuery(LOCK_DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit)).map(this::ids);
    }

    /** Locks these plans, waiting for an evaluation that holds one; the ids of those that exist. */
    public Uni<List<UUID>> lock(SqlConnection tx, List<UUID> ids) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(ids.toArray(UUID[]::new))).map(this::ids);
    }

    /** Takes the reasons these plans are due by {@code now}, by plan. */
    public Uni<Map<UUID, List<Cause>>> takeCauses(SqlConnection tx, List<UUID> ids, Instant now) {
        return tx.preparedQuery(TAKE_CAUSES).execute(Tuple.of(ids.toArray(UUID[]::new), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<UUID, List<Cause>> causes = new HashMap<>();
                    rows.forEach(row -> causes.computeIfAbsent(row.getUUID("plan_id"), id -> new ArrayList<>())
                            .add(new Cause(row.getString("cause"), instant(row, "due_at"))));
                    return causes;
                });
    }

    public Uni<List<DuePlan>> load(SqlConnection tx, List<UUID> ids) {
        Tuple parameters = Tuple.of(ids.toArray(UUID[]::new));
        return tx.preparedQuery(VERSIONS).execute(parameters).chain(versionRows -> {
            Map<UUID, TreeMap<Integer, Pinned>> versions = new HashMap<>();
            versionRows.forEach(row -> versions.computeIfAbsent(row.getUUID("plan_id"), id -> new TreeMap<>())
                    .put(row.getInteger("from_cycle"), new Pinned(row.getInteger("version"),
                            read(row.getString("body"), Template.class))));
            return tx.preparedQuery(PLANS).execute(parameters).map(rows -> {
                List<DuePlan> plans = new ArrayList<>();
                rows.forEach(row -> {
                    String state = row.getString("state");
                    plans.add(new DuePlan(row.getUUID("id"), row.getUUID("educator_id"), row.getUUID("template_id"),
                            instant(row, "started_at"), versions.get(row.getUUID("id")),
                            state == null ? null : read(state, PathwayState.class)));
                });
                return plans;
            });
        });
    }

    /** The latest version of each of these templates. */
    public Uni<Map<UUID, Pinned>> latest(SqlConnection tx, List<UUID> templateIds) {
        return tx.preparedQuery(LATEST).execute(Tuple.of(templateIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, Pinned> latest = new LinkedHashMap<>();
            rows.forEach(row -> latest.put(row.getUUID("id"), new Pinned(row.getInteger("version"),
                    read(row.getString("body"), Template.class))));
            return latest;
        });
    }

    public Uni<Void> pin(SqlConnection tx, UUID planId, int fromCycle, int version) {
        return tx.preparedQuery(PIN).execute(Tuple.of(planId, fromCycle, version)).replaceWithVoid();
    }

    /** Writes for a batch of evaluated plans, collected and then sent together by {@link #apply}. */
    public Writes writes() {
        return new Writes();
    }

    /**
     * Sends a batch's writes: each statement once with every plan's row, pipelined, so a batch of 200 plans costs a
     * few round trips, not three for each plan.
     */
    public Uni<Void> apply(SqlConnection tx, Writes writes) {
        return batch(tx, SAVE, writes.saves)
                .call(() -> batch(tx, NOT_DUE, writes.notDue))
                .call(() -> batch(tx, DUE, writes.due))
                .call(() -> batch(tx, TIMELINE, writes.timeline));
    }

    private static Uni<Void> batch(SqlConnection tx, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    /** A batch's new states, timeline entries and due times, one row per plan for each. */
    public final class Writes {

        private final List<Tuple> saves = new ArrayList<>();
        private final List<Tuple> timeline = new ArrayList<>();
        private final List<Tuple> due = new ArrayList<>();
        private final List<Tuple> notDue = new ArrayList<>();

        private Writes() {
        }

        /** Stores the plan's state and the columns lists filter on; {@code version} is its latest cycle's. */
        public void save(UUID planId, PathwayState state, int version, Instant now) {
            Cycle cycle = state.current();
            saves.add(Tuple.tuple().addUUID(planId).addString(write(state))
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                    .addInteger(cycle == null ? null : cycle.number())
                    .addString(cycle == null ? null : cycle.status().name())
                    .addOffsetDateTime(cycle == null ? null : cycle.opensAt().atOffset(ZoneOffset.UTC))
                    .addOffsetDateTime(cycle == null ? null : cycle.endsAt().atOffset(ZoneOffset.UTC))
                    .addInteger(cycle == null || state.ended() ? null : cycle.currentStage())
                    .addString(stageName(state))
                    .addBoolean(state.ended())
                    .addInteger(version));
        }

        public void timeline(UUID planId, Instant now, Object causes, Object changes) {
            timeline.add(Tuple.of(planId, now.atOffset(ZoneOffset.UTC), write(causes), write(changes)));
        }

        /** The plan is due again at {@code at} for {@code cause}, or, with no {@code at}, no longer for it. */
        public void dueAgain(UUID planId, String cause, Optional<Instant> at) {
            if (at.isEmpty()) {
                notDue.add(Tuple.of(planId, cause));
            } else {
                due.add(Tuple.of(planId, cause, at.get().atOffset(ZoneOffset.UTC)));
            }
        }
    }

    /** The name of the stage the open cycle is at; null once the plan has ended or every stage is complete. */
    private static String stageName(PathwayState state) {
        Cycle cycle = state.current();
        if (cycle == null || state.ended() || cycle.currentStage() >= cycle.stages().size()) {
            return null;
        }
        return cycle.stages().get(cycle.currentStage()).name();
    }

    private List<UUID> ids(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
