package org.district.pd.plan.pathway.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.PathwayState;
import org.district.pd.plan.pathway.PlanIntent;
import org.district.pd.plan.pathway.ProgressChange;
import org.district.pd.plan.pathway.Template;
import org.district.pd.plan.pathway.TimelineEntry;
import org.district.pd.platform.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Plans, each read with the template version it runs on and its educator's schools. */
@ApplicationScoped
public class PlanRepository {

    /** A plan as stored, with what the engine and the ownership rules need beside it. */
    public record StoredPlan(UUID id, UUID educatorId, UUID templateId, int templateVersion, UUID templateSchoolId,
            Template template, Instant startedAt, Set<UUID> educatorSchools, PathwayState state, Instant refreshedAt,
            UUID coachId, Map<String, Object> coachRequest, StoredIntent intent) {
    }

    /** The teacher's goals and choices as last written, for {@code cycle}. */
    public record StoredIntent(int cycle, List<PlanIntent.Goal> goals, List<String> choices) {
    }

    private static final String SELECT = """
            select p.id, p.educator_id, p.template_id, p.template_version, p.started_at, t.school_id,
                   t.body::text as body, p.state::text as state, p.refreshed_at, p.coach_id,
                   p.coach_requested::text as coach_requested,
                   (select json_build_object('cycle', i.cycle, 'goals', i.goals, 'choices', i.choices)::text
                    from plan_cycle_intent i
                    where i.plan_id = p.id and i.cycle <= coalesce(p.cycle_number, 1)
                    order by i.cycle desc limit 1) as intent,
                   array(select s.school_id from educator_school s where s.educator_id = p.educator_id) as schools
            from plan p join pathway_template t on t.id = p.template_id and t.version = p.template_version
            """;

    /** The plan, the version its first cycle runs on, and a reason to evaluate it, in one statement. */
    private static final String INSERT = """
            with created as (
                insert into plan (id, educator_id, template_id, template_version, started_at, created_by, created_at)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict (educator_id, template_id) do nothing
                returning id, template_version, created_at),
            pinned as (
                insert into plan_template_version (plan_id, from_cycle, version)
                select id, 1, template_version from created)
            insert into plan_refresh_due (plan_id, cause, due_at) select id, 'started', created_at from created""";

    private static final String EDUCATOR_SCHOOLS = """
            select e.id, array(select s.school_id from educator_school s where s.educator_id = e.id) as schools
            from educator e where e.id = $1""";

    private static final String TIMELINE = """
            select seq, recorded_at, causes::text as causes, changes::text as changes from plan_timeline
            where plan_id = $1 order by seq limit $2 offset $3""";

    /**
     * Plans of educators in any of {@code $1} (null: every school), at stage {@code $2} (null: any), coached by
     * {@code $3} (null: anyone), a page of them in a stable order.
     */
    private static final String LIST = """
            where ($1::uuid[] is null
                   or p.educator_id in (select s.educator_id from educator_school s where s.school_id = any($1)))
              and ($2::text is null or p.stage_name = $2) and ($3::uuid is null or p.coach_id = $3)
            order by p.id limit $4 offset $5""";

    private static final String SAVE_INTENT = """
            insert into plan_cycle_intent (plan_id, cycle, goals, choices, updated_at)
            values ($1, $2, $3::text::jsonb, $4::text::jsonb, $5)
            on conflict (plan_id, cycle) do update set goals = excluded.goals, choices = excluded.choices,
                                                       updated_at = excluded.updated_at""";

    private static final String ASSIGN_COACH = "update plan set coach_id = $2, coach_requested = null where id = $1";

    private static final String REQUEST_COACH = "update plan set coach_requested = $2::text::jsonb where id = $1";

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> CAUSES = new TypeReference<>() {
    };
    private static final TypeReference<List<ProgressChange>> CHANGES = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    PlanRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Inserts the plan; false when the educator has a plan of this template already. */
    public Uni<Boolean> insert(UUID id, UUID educatorId, UUID templateId, int templateVersion, Instant startedAt,
            String createdBy, Instant now) {
        Tuple parameters = Tuple.tuple().addUUID(id).addUUID(educatorId).addUUID(templateId).addInteger(templateVersion)
                .addOffsetDateTime(startedAt.atOffset(ZoneOffset.UTC)).addString(createdBy)
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT).execute(parameters).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<StoredPlan>> find(UUID id) {
        return pool.preparedQuery(SELECT + " where p.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(plan(rows.iterator().next())));
    }

    public Uni<List<StoredPlan>> ofEducator(UUID educatorId) {
        return pool.preparedQuery(SELECT + " where p.educator_id = $1 order by p.started_at, p.id")
                .execute(Tuple.of(educatorId)).map(rows -> {
                    List<StoredPlan> plans = new ArrayList<>();
                    rows.forEach(row -> plans.add(plan(row)));
                    return plans;
                });
    }

    public Uni<List<StoredPlan>> list(Set<UUID> schools, String stage, UUID coachId, PageRequest page) {
        Tuple parameters = Tuple.tuple().addArrayOfUUID(schools == null ? null : schools.toArray(UUID[]::new))
                .addString(stage).addUUID(coachId).addInteger(page.size()).addInteger(page.page() * page.size());
        return pool.preparedQuery(SELECT + LIST).execute(parameters).map(rows -> {
            List<StoredPlan> plans = new ArrayList<>();
            rows.forEach(row -> plans.add(plan(row)));
            return plans;
        });
    }

    /** Writes the teacher's goals and choices for {@code cycle}. */
    public Uni<Void> saveIntent(UUID planId, int cycle, List<PlanIntent.Goal> goals, List<String> choices,
            Instant now) {
        try {
            Tuple parameters = Tuple.tuple().addUUID(planId).addInteger(cycle)
                    .addString(json.writeValueAsString(goals)).addString(json.writeValueAsString(choices))
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
            return pool.preparedQuery(SAVE_INTENT).execute(parameters).replaceWithVoid();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("goals cannot be written as JSON", e);
        }
    }

    /** On the caller's transaction, so that the coach.assigned event commits with the change. */
    public Uni<Void> assignCoach(SqlConnection transaction, UUID planId, UUID coachId) {
        return transaction.preparedQuery(ASSIGN_COACH).execute(Tuple.of(planId, coachId)).replaceWithVoid();
    }

    public Uni<Void> requestCoach(UUID planId, Map<String, Object> request) {
        try {
            return pool.preparedQuery(REQUEST_COACH).execute(Tuple.of(planId, json.writeValueAsString(request)))
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a coach request cannot be written as JSON", e);
        }
    }

    /** The plan's timeline, in the order its entries were recorded. */
    public Uni<List<TimelineEntry>> timeline(UUID planId, PageRequest page) {
        return pool.preparedQuery(TIMELINE).execute(Tuple.of(planId, page.size(), page.page() * page.size()))
                .map(rows -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        try {
                            entries.add(new TimelineEntry(row.getLong("seq"),
                                    row.getOffsetDateTime("recorded_at").toInstant(),
                                    json.readValue(row.getString("causes"), CAUSES),
                                    json.readValue(row.getString("changes"), CHANGES)));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("a stored timeline entry cannot be read", e);
                        }
                    }
                    return entries;
                });
    }

    /** The schools of an educator in the directory, or empty when the directory does not have them. */
    public Uni<Optional<Set<UUID>>> educatorSchools(UUID educatorId) {
        return pool.preparedQuery(EDUCATOR_SCHOOLS).execute(Tuple.of(educatorId)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(Set.of(rows.iterator().next().getArrayOfUUIDs("schools"))));
    }

    private StoredPlan plan(Row row) {
        try {
            return new StoredPlan(row.getUUID("id"), row.getUUID("educator_id"), row.getUUID("template_id"),
                    row.getInteger("template_version"), row.getUUID("school_id"),
                    json.readValue(row.getString("body"), Template.class),
                    row.getOffsetDateTime("started_at").toInstant(), Set.of(row.getArrayOfUUIDs("schools")),
                    row.getString("state") == null ? null : json.readValue(row.getString("state"), PathwayState.class),
                    row.getOffsetDateTime("refreshed_at") == null ? null
                            : row.getOffsetDateTime("refreshed_at").toInstant(),
                    row.getUUID("coach_id"), row.getString("coach_requested") == null ? null
                            : json.readValue(row.getString("coach_requested"), DETAIL),
                    row.getString("intent") == null ? null : json.readValue(row.getString("intent"),
                            StoredIntent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template cannot be read", e);
        }
    }
}
