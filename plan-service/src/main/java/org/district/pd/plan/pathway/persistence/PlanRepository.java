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
import io.vertx.mutiny.sqlclient.Tuple;

/** Plans, each read with the template version it runs on and its educator's schools. */
@ApplicationScoped
public class PlanRepository {

    /** A plan as stored, with what the engine and the ownership rules need beside it. */
    public record StoredPlan(UUID id, UUID educatorId, UUID templateId, int templateVersion, UUID templateSchoolId,
            Template template, Instant startedAt, Set<UUID> educatorSchools, PathwayState state, Instant refreshedAt) {
    }

    private static final String SELECT = """
            select p.id, p.educator_id, p.template_id, p.template_version, p.started_at, t.school_id,
                   t.body::text as body, p.state::text as state, p.refreshed_at,
                   array(select s.school_id from educator_school s where s.educator_id = p.educator_id) as schools
            from plan p join pathway_template t on t.id = p.template_id and t.version = p.template_version""";

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
                            : row.getOffsetDateTime("refreshed_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template cannot be read", e);
        }
    }
}
