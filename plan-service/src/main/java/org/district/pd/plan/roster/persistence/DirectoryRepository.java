package org.district.pd.plan.roster.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.Topics;
import org.district.pd.plan.messaging.events.EducatorUpserted;
import org.district.pd.plan.roster.CsvRow;
import org.district.pd.plan.roster.KnownOrg;
import org.district.pd.plan.roster.OrgRow;
import org.district.pd.plan.roster.RosterSource;
import org.district.pd.plan.roster.Rostered;
import org.district.pd.platform.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The educator directory's writes for roster imports, a batch per statement. Each write marks what it saw with the
 * import's id, so a sourcedId repeated across batches is noticed and a bulk import finds who was absent.
 */
@ApplicationScoped
public class DirectoryRepository {

    private static final String UPSERT_ORGS = """
            with incoming as (
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                    as i(id, sourced_id, name, type, identifier, parent_sourced_id, status)),
            repeated as (
                select o.id from org o join incoming i using (id) where o.last_import_id = $8::uuid),
            upserted as (
                insert into org (id, sourced_id, name, type, identifier, parent_sourced_id, status, updated_at,
                                 last_import_id)
                select i.*, $9::timestamptz, $8::uuid from incoming i where i.id not in (select id from repeated)
                on conflict (id) do update set
                    name = excluded.name, type = excluded.type, identifier = excluded.identifier,
                    parent_sourced_id = excluded.parent_sourced_id, status = excluded.status,
                    updated_at = case
                        when (org.name, org.type, org.identifier, org.parent_sourced_id, org.status)
                             is not distinct from (excluded.name, excluded.type, excluded.identifier,
                                                   excluded.parent_sourced_id, excluded.status)
                        then org.updated_at else excluded.updated_at end,
                    last_import_id = excluded.last_import_id
                returning org.id)
            select i.sourced_id from incoming i join repeated r using (id)""";

    private static final String ACTIVE_ORGS = """
            select sourced_id, id, type from org where sourced_id = any($1::text[]) and status = 'active'""";

    private static final String ROSTERED = """
            select snapshot::text as snapshot, roster_source::text as source from educator where id = any($1::uuid[])""";

    /**
     * Returns every incoming row, whether it was repeated in this import and whether its snapshot changed. An educator
     * is deactivated when an active one becomes inactive; one first seen inactive was never active, so has no date.
     */
    private static final String UPSERT_EDUCATORS = """
            with incoming as (
                select (t.s::jsonb ->> 'educatorId')::uuid as id, t.s::jsonb as s, t.source::jsonb as source
                from unnest($1::text[], $4::text[]) as t(s, source)),
            before as (
                select e.id, e.snapshot, e.last_import_id from educator e join incoming i using (id)),
            upserted as (
                insert into educator (id, sourced_id, given_name, family_name, email, sis_id, username, lms_accounts,
                                      roles, grades, active, updated_at, snapshot, last_import_id, deactivated_at,
                                      roster_source)
                select i.id, i.s ->> 'sourcedId', i.s -> 'name' ->> 'givenName', i.s -> 'name' ->> 'familyName',
                       i.s ->> 'email', i.s -> 'identifiers' ->> 'sisId', i.s -> 'identifiers' ->> 'username',
                       array(select jsonb_array_elements_text(i.s -> 'identifiers' -> 'lmsAccounts')),
                       array(select jsonb_array_elements_text(i.s -> 'roles')),
                       array(select jsonb_array_elements_text(i.s -> 'grades')),
                       (i.s ->> 'active')::boolean, $2::timestamptz, i.s, $3::uuid, null, i.source
                from incoming i
                where not exists (select 1 from before b where b.id = i.id and b.last_import_id = $3::uuid)
                on conflict (id) do update set
                    sourced_id = excluded.sourced_id, given_name = excluded.given_name,
                    family_name = excluded.family_name, email = excluded.email, sis_id = excluded.sis_id,
                    username = excluded.username, lms_accounts = excluded.lms_accounts, roles = excluded.roles,
                    grades = excluded.grades, active = excluded.active,
                    updated_at = case when educator.snapshot = excluded.snapshot
                                      then educator.updated_at else excluded.updated_at end,
                    deactivated_at = case when excluded.active then null
                                          when educator.active then excluded.updated_at
                                          else coalesce(educator.deactivated_at, excluded.updated_at) end,
                    snapshot = excluded.snapshot, last_import_id = excluded.last_import_id,
                    roster_source = excluded.roster_source
                returning educator.id)
            select i.id, coalesce(b.last_import_id = $3::uuid, false) as repeated, b.snapshot is distinct from i.s as changed
            from incoming i left join before b using (id)""";

    private static final String CLEAR_SCHOOLS = "delete from educator_school where educator_id = any($1::uuid[])";

    private static final String ADD_SCHOOLS = """
            insert into educator_school (educator_id, school_id)
            select (t.s::jsonb ->> 'educatorId')::uuid, jsonb_array_elements_text(t.s::jsonb -> 'schoolIds')::uuid
            from unnest($1::text[]) as t(s)""";

    /** A bulk import's absentees, a bounded batch at a time; each is republished with active false. */
    private static final String DEACTIVATE_ABSENT = """
            update educator e set active = false, deactivated_at = $2, updated_at = $2,
                                  snapshot = jsonb_set(e.snapshot, '{active}', 'false')
            where e.id in (select id from educator
                           where active and last_import_id is distinct from $1 limit $3)
            returning e.id, e.snapshot::text as snapshot""";

    private static final String MARK_SEEN = """
            update educator set last_import_id = $1
            where sourced_id = any($2::text[]) and last_import_id is distinct from $1""";

    private static final String DEACTIVATE_ABSENT_ORGS = """
            update org set status = 'inactive', updated_at = $2
            where status = 'active' and last_import_id is distinct from $1""";

    private static final String STAGE = """
            insert into roster_import_staged (import_id, file, line, user_sourced_id, values)
            select $1, * from unnest($2::text[], $3::bigint[], $4::text[], $5::text[]::jsonb[])
            on conflict do nothing""";

    /** Taken, not just read: what is left when users.csv has been read names users the bundle does not have. */
    private static final String TAKE_STAGED_USERS = """
            delete from roster_import_staged
            where import_id = $1 and user_sourced_id in (
                select distinct user_sourced_id from roster_import_staged where import_id = $1
                order by user_sourced_id limit $2)
            returning file, line, values::text as values""";

    private static final String TAKE_STAGED = """
            delete from roster_import_staged where import_id = $1 and user_sourced_id = any($2::text[])
            returning file, line, values::text as values""";

    private static final String ROLES_EVALUATED_THROUGH = "select evaluated_through from roster_role_clock";

    private static final String ROLES_EVALUATED = "update roster_role_clock set evaluated_through = $1";

    /**
     * Educators with a role whose counting began or stopped on a day after {@code $1} up to {@code $2}: one that
     * begins on day d counts from d; one that ends on day d counts through d and stops on the day after.
     */
    private static final String ROLE_DATE_CANDIDATES = """
            select e.snapshot::text as snapshot, e.roster_source::text as source from educator e
            where e.id > $3 and exists (
                select 1 from jsonb_array_elements(case when jsonb_typeof(e.roster_source -> 'roles') = 'array'
                                                        then e.roster_source -> 'roles' else '[]'::jsonb end) r
                where ((r ->> 'beginDate')::date > $1 and (r ->> 'beginDate')::date <= $2)
                   or ((r ->> 'endDate')::date >= $1 and (r ->> 'endDate')::date < $2))
            order by e.id limit $4""";

    private final Pool pool;
    private final Outbox outbox;
    private final ObjectMapper json;

    DirectoryRepository(Pool pool, Outbox outbox, ObjectMapper json) {
        this.pool = pool;
        this.outbox = outbox;
        this.json = json;
    }

    /** Upserts the orgs; returns the sourcedIds that an earlier batch of this import had, which are not written. */
    public Uni<Set<String>> upsertOrgs(SqlConnection tx, UUID importId, List<OrgRow> orgs, Instant now) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(orgs.stream().map(OrgRow::id).toArray(UUID[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::sourcedId).toArray(String[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::name).toArray(String[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::type).toArray(String[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::identifier).toArray(String[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::parentSourcedId).toArray(String[]::new))
                .addArrayOfString(orgs.stream().map(OrgRow::status).toArray(String[]::new))
                .addUUID(importId)
                .addOffsetDateTime(utc(now));
        return tx.preparedQuery(UPSERT_ORGS).execute(parameters).map(rows -> {
            Set<String> repeated = new HashSet<>();
            rows.forEach(row -> repeated.add(row.getString("sourced_id")));
            return repeated;
        });
    }

    /** The active orgs among {@code sourcedIds}, by sourcedId. */
    public Uni<Map<String, KnownOrg>> activeOrgs(Collection<String> sourcedIds) {
        return pool.preparedQuery(ACTIVE_ORGS).execute(Tuple.of(sourcedIds.toArray(String[]::new))).map(rows -> {
            Map<String, KnownOrg> known = new HashMap<>();
            rows.forEach(row -> known.put(row.getString("sourced_id"),
                    new KnownOrg(row.getUUID("id"), "school".equals(row.getString("type")))));
            return known;
        });
    }

    /** What the directory holds for those of {@code ids} that are in it. */
    public Uni<Map<UUID, Rostered>> rostered(Collection<UUID> ids) {
        return pool.preparedQuery(ROSTERED).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, Rostered> rostered = new HashMap<>();
            rows.forEach(row -> {
                Rostered educator = rostered(row);
                rostered.put(educator.snapshot().educatorId(), educator);
            });
            return rostered;
        });
    }

    /** The last day on which roles were evaluated: their begin and end dates up to it are in the snapshots. */
    public Uni<LocalDate> rolesEvaluatedThrough() {
        return pool.query(ROLES_EVALUATED_THROUGH).execute()
                .map(rows -> rows.iterator().next().getLocalDate("evaluated_through"));
    }

    public Uni<Void> rolesEvaluated(SqlConnection tx, LocalDate day) {
        return tx.preparedQuery(ROLES_EVALUATED).execute(Tuple.of(day)).replaceWithVoid();
    }

    /**
     * Up to {@code limit} educators, after {@code after} in id order, with a role that began or ended counting on a
     * day after {@code since} up to {@code today}.
     */
    public Uni<List<Rostered>> roleDateCandidates(LocalDate since, LocalDate today, UUID after, int limit) {
        return pool.preparedQuery(ROLE_DATE_CANDIDATES).execute(Tuple.of(since, today, after, limit)).map(rows -> {
            List<Rostered> candidates = new ArrayList<>();
            rows.forEach(row -> candidates.add(rostered(row)));
            return candidates;
        });
    }

    private Rostered rostered(Row row) {
        String source = row.getString("source");
        return new Rostered(read(row.getString("snapshot"), EducatorUpserted.class),
                source == null ? new RosterSource(Map.of(), null) : read(source, RosterSource.class));
    }

    /** What a batch of educators did: those repeated from an earlier batch (not written) and how many changed. */
    public record EducatorsWritten(Set<UUID> repeated, int changed) {
    }

    /**
     * Upserts the educators and their schools, and appends the snapshot of each one that is new or changed to the
     * outbox, all on {@code tx}. A snapshot equal to the one last published changes nothing and publishes nothing.
     */
    public Uni<EducatorsWritten> upsertEducators(SqlConnection tx, UUID importId, List<Rostered> educators,
            Instant now) {
        Map<UUID, String> payloads = new LinkedHashMap<>();
        Map<UUID, String> sources = new LinkedHashMap<>();
        educators.forEach(educator -> {
            payloads.put(educator.snapshot().educatorId(), write(educator.snapshot()));
            sources.put(educator.snapshot().educatorId(), write(educator.source()));
        });
        Tuple parameters = Tuple.of(payloads.values().toArray(String[]::new), utc(now), importId,
                sources.values().toArray(String[]::new));
        return tx.preparedQuery(UPSERT_EDUCATORS).execute(parameters).flatMap(rows -> {
            Set<UUID> repeated = new HashSet<>();
            Map<UUID, String> changed = new LinkedHashMap<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                if (row.getBoolean("repeated")) {
                    repeated.add(id);
                } else if (row.getBoolean("changed")) {
                    changed.put(id, payloads.get(id));
                }
            }
            List<String> changedPayloads = List.copyOf(changed.values());
            return tx.preparedQuery(CLEAR_SCHOOLS).execute(Tuple.of(changed.keySet().toArray(UUID[]::new)))
                    .flatMap(done -> tx.preparedQuery(ADD_SCHOOLS).execute(Tuple.of(changedPayloads.toArray(String[]::new))))
                    .flatMap(done -> outbox.appendAll(tx, Topics.ROSTER_EDUCATORS, EducatorUpserted.TYPE, now, changed))
                    .replaceWith(new EducatorsWritten(repeated, changed.size()));
        });
    }

    /**
     * Deactivates up to {@code limit} active educators that import {@code importId} did not see, and republishes each
     * with active false; returns how many, 0 once none are left.
     */
    public Uni<Integer> deactivateAbsentEducators(SqlConnection tx, UUID importId, Instant now, int limit) {
        return tx.preparedQuery(DEACTIVATE_ABSENT).execute(Tuple.of(importId, utc(now), limit)).flatMap(rows -> {
            Map<UUID, String> deactivated = new LinkedHashMap<>();
            // PostgreSQL writes jsonb with spaces; the event goes out as compact as every other one.
            rows.forEach(row -> deactivated.put(row.getUUID("id"), write(read(row.getString("snapshot"), JsonNode.class))));
            return outbox.appendAll(tx, Topics.ROSTER_EDUCATORS, EducatorUpserted.TYPE, now, deactivated)
                    .replaceWith(deactivated.size());
        });
    }

    /**
     * Marks educators as seen by the import without changing them: a row rejected in a bulk import is in the file,
     * so its educator stays as they were rather than being deactivated as absent.
     */
    public Uni<Void> markSeen(SqlConnection tx, UUID importId, Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(MARK_SEEN).execute(Tuple.of(importId, sourcedIds.toArray(String[]::new))).replaceWithVoid();
    }

    /** Marks the active orgs that import {@code importId} did not see inactive; returns how many. */
    public Uni<Integer> deactivateAbsentOrgs(SqlConnection tx, UUID importId, Instant now) {
        return tx.preparedQuery(DEACTIVATE_ABSENT_ORGS).execute(Tuple.of(importId, utc(now))).map(rows -> rows.rowCount());
    }

    /** Keeps rows of roles.csv or userProfiles.csv until the batch of users they belong to is read. */
    public Uni<Void> stage(SqlConnection tx, UUID importId, List<CsvRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple parameters = Tuple.tuple().addUUID(importId)
                .addArrayOfString(rows.stream().map(CsvRow::file).toArray(String[]::new))
                .addArrayOfLong(rows.stream().map(CsvRow::line).toArray(Long[]::new))
                .addArrayOfString(rows.stream().map(row -> row.get("userSourcedId")).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(row -> write(row.values())).toArray(String[]::new));
        return tx.preparedQuery(STAGE).execute(parameters).replaceWithVoid();
    }

    /** Takes the staged rows of these users, in file and line order. */
    public Uni<List<CsvRow>> takeStaged(SqlConnection tx, UUID importId, Collection<String> userSourcedIds) {
        return tx.preparedQuery(TAKE_STAGED).execute(Tuple.of(importId, userSourcedIds.toArray(String[]::new)))
                .map(this::stagedRows);
    }

    /** Takes the staged rows of up to {@code users} users, whoever is left, in file and line order. */
    public Uni<List<CsvRow>> takeStagedUsers(SqlConnection tx, UUID importId, int users) {
        return tx.preparedQuery(TAKE_STAGED_USERS).execute(Tuple.of(importId, users)).map(this::stagedRows);
    }

    private List<CsvRow> stagedRows(RowSet<Row> rows) {
        List<CsvRow> staged = new ArrayList<>();
        rows.forEach(row -> staged.add(new CsvRow(row.getString("file"), row.getLong("line"),
                read(row.getString("values"), new TypeReference<Map<String, String>>() {
                }))));
        staged.sort(Comparator.comparing(CsvRow::file).thenComparingLong(CsvRow::line));
        return staged;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the directory holds a snapshot this service cannot read", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the import holds a staged row this service cannot read", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
