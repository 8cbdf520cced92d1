package org.district.pd.plan.renewal.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.Credit;
import org.district.pd.plan.renewal.License;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Educators' licenses, and the sums of their ledger entries in and before each license's renewal window. */
@ApplicationScoped
public class LicenseRepository {

    private static final String FIND = """
            select educator_id, profile_code, license_type, license_number, issued_on, expires_on
            from educator_license where educator_id = any($1)""";
    private static final String SAVE = """
            insert into educator_license (educator_id, profile_code, license_type, license_number, issued_on,
                                          expires_on, updated_at, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (educator_id) do update set profile_code = excluded.profile_code,
                license_type = excluded.license_type, license_number = excluded.license_number,
                issued_on = excluded.issued_on, expires_on = excluded.expires_on, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by""";
    /**
     * Per educator, the sums of their entries by span, category, credit type and provider: the window, and the
     * previous window (as long as the profile's window) split where its carry-over years begin; days are the
     * district's ($2, a time zone). An entry counts where what it is about was earned, so a reversal takes back from
     * the window that counted the hours.
     */
    private static final String CREDITS = """
            with windows as (
                select lic.educator_id,
                       lic.issued_on::timestamp at time zone $2 as window_start,
                       (lic.expires_on + 1)::timestamp at time zone $2 as window_end,
                       (lic.issued_on - make_interval(years => coalesce((p.body -> 'carryOver' ->> 'lastYears')::int, 0)))
                           ::timestamp at time zone $2 as last_years_start,
                       (lic.issued_on - make_interval(years => (p.body ->> 'windowYears')::int))::timestamp
                           at time zone $2 as previous_start
                from educator_license lic
                join renewal_profile p on p.code = lic.profile_code
                where lic.educator_id = any($1))
            select w.educator_id,
                   case when l.earned_at >= w.window_start then 'WINDOW'
                        when l.earned_at >= w.last_years_start then 'PREVIOUS_LAST_YEARS'
                        else 'PREVIOUS_EARLIER' end as span,
                   l.category, l.credit_type, l.provider, sum(l.credit_hours) as units
            from windows w
            join ledger_entry l on l.educator_id = w.educator_id
                and l.earned_at >= w.previous_start and l.earned_at < w.window_end
            group by 1, 2, 3, 4, 5""";

    private final Pool pool;

    LicenseRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<UUID, License>> find(Collection<UUID> educatorIds) {
        return pool.preparedQuery(FIND).execute(Tuple.of(educatorIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, License> licenses = new HashMap<>();
            for (Row row : rows) {
                licenses.put(row.getUUID("educator_id"), new License(row.getString("profile_code"),
                        row.getString("license_type"), row.getString("license_number"),
                        row.getLocalDate("issued_on"), row.getLocalDate("expires_on")));
            }
            return licenses;
        });
    }

    public Uni<Void> save(UUID educatorId, License license, String by, Instant now) {
        return pool.preparedQuery(SAVE).execute(Tuple.from(List.of(educatorId, license.profile(), license.type(),
                license.number(), license.issuedOn(), license.expiresOn(), now.atOffset(ZoneOffset.UTC), by)))
                .replaceWithVoid();
    }

    /** Sets many licenses within {@code connection}'s transaction. */
    public Uni<Void> saveAll(SqlConnection connection, List<Map.Entry<UUID, License>> licenses, String by,
            Instant now) {
        if (licenses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(SAVE).executeBatch(licenses.stream()
                .map(entry -> Tuple.from(List.of(entry.getKey(), entry.getValue().profile(), entry.getValue().type(),
                        entry.getValue().number(), entry.getValue().issuedOn(), entry.getValue().expiresOn(),
                        now.atOffset(ZoneOffset.UTC), by)))
                .toList()).replaceWithVoid();
    }

    /** The credits of each educator with a license; one without entries is absent. */
    public Uni<Map<UUID, List<Credit>>> credits(Collection<UUID> educatorIds, ZoneId zone) {
        return pool.preparedQuery(CREDITS).execute(Tuple.of(educatorIds.toArray(UUID[]::new), zone.getId()))
                .map(rows -> {
            Map<UUID, List<Credit>> credits = new HashMap<>();
            for (Row row : rows) {
                credits.computeIfAbsent(row.getUUID("educator_id"), educator -> new ArrayList<>())
                        .add(new Credit(Credit.Span.valueOf(row.getString("span")), row.getString("category"),
                                row.getString("credit_type"), row.getString("provider"), row.getBigDecimal("units")));
            }
            return credits;
        });
    }
}
