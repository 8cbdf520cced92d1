package org.district.pd.plan.pathway.persistence;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Plans for the active educators an auto-assigned template's audience matches and who have none of it yet, a batch
 * at a time, each started now on the template's latest version and due for its first evaluation.
 */
@ApplicationScoped
public class AutoAssignRepository {

    /**
     * A criterion the template leaves empty matches everyone; one on what the directory does not know of an educator
     * (no career stage, no subjects, no grades) matches no one, so a novice pathway never reaches an unknown teacher.
     */
    private static final String ASSIGN = """
            with latest as (
                select distinct on (id) id, version, school_id,
                       coalesce((body -> 'audience' ->> 'autoAssign')::boolean, false) as auto,
                       json_list(body -> 'audience' -> 'roles') as roles,
                       json_list(body -> 'audience' -> 'careerStages') as stages,
                       json_list(body -> 'audience' -> 'subjects') as subjects,
                       json_list(body -> 'audience' -> 'gradeBands') as bands
                from pathway_template order by id, version desc),
            wanted as (
                select e.id as educator_id, t.id as template_id, t.version
                from latest t join educator e on e.active
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
                order by t.id, e.id
                limit $2),
            created as (
                insert into plan (id, educator_id, template_id, template_version, started_at, created_by, created_at)
                select gen_random_uuid(), educator_id, template_id, version, $1, 'auto-assignment', $1 from wanted
                on conflict (educator_id, template_id) do nothing
                returning id, template_version),
            pinned as (
                insert into plan_template_version (plan_id, from_cycle, version)
                select id, 1, template_version from created)
            insert into plan_refresh_due (plan_id, cause, due_at) select id, 'started', $1 from created""";

    /** Assigns up to {@code limit} plans; how many. */
    public Uni<Integer> assign(SqlConnection tx, Instant now, int limit) {
        return tx.preparedQuery(ASSIGN).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }
}
