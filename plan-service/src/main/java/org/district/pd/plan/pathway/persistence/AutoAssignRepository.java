package org.district.pd.plan.pathway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The active educators an auto-assigned template's audience matches and who have no plan of it yet, a batch at a
 * time, and their plans, each on the template's latest version and due for its first evaluation.
 */
@ApplicationScoped
public class AutoAssignRepository {

    /**
     * A criterion the template leaves empty matches everyone; one on what the directory does not know of an educator
     * (no career stage, no subjects, no grades) matches no one, so a novice pathway never reaches an unknown teacher.
     */
    private static final String MATCHES = """
            with latest as (
                select distinct on (id) id, version, school_id,
                       coalesce((body -> 'audience' ->> 'autoAssign')::boolean, false) as auto,
                       json_list(body -> 'audience' -> 'roles') as roles,
                       json_list(body -> 'audience' -> 'careerStages') as stages,
                       json_list(body -> 'audience' -> 'subjects') as subjects,
                       json_list(body -> 'audience' -> 'gradeBands') as bands
                from pathway_template where id = $2 order by id, version desc)
            select e.id as educator_id, t.id as template_id, t.version
            from latest t join educator e on e.active and e.id > $3
            where t.auto
              and (t.school_id is null or exists (
                    select 1 from educator_school s where s.educator_id = e.id and s.school_id = t.school_id))
              and (jsonb_array_length(t.roles) = 0
                   or e.roles && array(select jsonb_array_elements_text(t.roles)))
              and (jsonb_array_length(t.stages) = 0 or t.stages ? (e.snapshot ->> 'careerStage'))
              and (jsonb_array_length(t.subjects) = 0
                   or exists (select 1 from jsonb_array_elements_text(json_list(e.snapshot -> 'subjects')) x
                              where t.subjects ? x))
              and (jsonb_array_length(t.bands) = 0
                   or exists (select 1 from unnest(e.grades) g where t.bands ? grade_band(g)))
              and not exists (select 1 from plan p where p.educator_id = e.id and p.template_id = t.id)
            order by e.id
            limit $1""";

    /** The templates for automatic assignment, as their latest versions say. */
    private static final String AUTOMATIC = """
            select id from (select distinct on (id) id, body from pathway_template order by id, version desc) latest
            where coalesce((body -> 'audience' ->> 'autoAssign')::boolean, false)""";

    /** The plans, the version each first cycle runs on, and a reason to evaluate each, in one statement. */
    private static final String CREATE = """
            with created as (
                insert into plan (id, educator_id, template_id, template_version, started_at, created_by, created_at)
                select gen_random_uuid(), a.educator_id, a.template_id, a.version, a.started_at, 'auto-assignment', $5
                from unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[])
                     as a(educator_id, template_id, version, started_at)
                on conflict (educator_id, template_id) do nothing
                returning id, template_version),
            pinned as (
                insert into plan_template_version (plan_id, from_cycle, version)
                select id, 1, template_version from created)
            insert into plan_refresh_due (plan_id, cause, due_at) select id, 'started', $5 from created""";

    /** An educator the template's audience matches, who has no plan of it yet. */
    public record Match(UUID educatorId, UUID templateId, int version) {
    }

    /** A plan to create: the match, from when. */
    public record Assignment(Match match, Instant startedAt) {
    }

    public Uni<List<UUID>> automaticTemplates(SqlConnection tx) {
        return tx.preparedQuery(AUTOMATIC).execute().map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    /**
     * Up to {@code limit} educators after {@code after} (in id order) whom the template's audience matches and who have
     * no plan of it: a walk along the educators' primary key, so a district is read once however many batches.
     */
    public Uni<List<Match>> matches(SqlConnection tx, UUID templateId, UUID after, int limit) {
        return tx.preparedQuery(MATCHES).execute(Tuple.of(limit, templateId, after)).map(rows -> {
            List<Match> matches = new ArrayList<>();
            rows.forEach(row -> matches.add(new Match(row.getUUID("educator_id"), row.getUUID("template_id"),
                    row.getInteger("version"))));
            return matches;
        });
    }

    /** Creates the plans; how many (none for an educator who got a plan of the template meanwhile). */
    public Uni<Integer> create(SqlConnection tx, List<Assignment> assignments, Instant now) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(assignments.stream().map(a -> a.match().educatorId()).toArray(UUID[]::new))
                .addArrayOfUUID(assignments.stream().map(a -> a.match().templateId()).toArray(UUID[]::new))
                .addArrayOfInteger(assignments.stream().map(a -> a.match().version()).toArray(Integer[]::new))
                .addArrayOfOffsetDateTime(assignments.stream().map(a -> a.startedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery(CREATE).execute(parameters).map(rows -> rows.rowCount());
    }
}
