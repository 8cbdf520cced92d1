package org.district.pd.plan.renewal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.district.pd.plan.renewal.PeriodUnits;

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
     * The renewal window of each license among $1 and the previous window (as long as the profile's window) split where
     * its carry-over years begin; days are the district's ($2, a time zone). Materialized: inlined, the bounds' time
     * zone conversions ran again for every entry, and a report's page of 500 educators took 74 ms instead of 41.
     */
    private static final String WINDOWS = """
            with windows as materialized (
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
            """;
    /** The span of an entry {@code l} earned in its educator's windows {@code w}. */
    private static final String SPAN = """
            case when l.earned_at >= w.window_start then 'WINDOW'
                 when l.earned_at >= w.last_years_start then 'PREVIOUS_LAST_YEARS'
                 else 'PREVIOUS_EARLIER' end""";
    /**
     * Per educator with a license, the sums of their entries in its windows by span, category, credit type and
     * provider. An entry counts where what it is about was earned, so a reversal takes back from the window that
     * counted the hours.
     */
    private static final String CREDITS = WINDOWS + """
            select w.educator_id, %s as span, l.category, l.credit_type, l.provider, sum(l.credit_hours) as units
            from windows w
            join ledger_entry l on l.educator_id = w.educator_id
                and l.earned_at >= w.previous_start and l.earned_at < w.window_end
            group by 1, 2, 3, 4, 5""".formatted(SPAN);
    /**
     * The same credits, and the sums of every educator's entries that occurred in a period ($3 to $4, exclusive)
     * beside them, from one scan of each educator's entries: a span is null outside the windows or without a license,
     * a sum in the period null without entries in it. Each educator's entries are summed on their own (lateral), so
     * the plan stays a loop over the page's educators whatever their number; a page of 500 took 42 ms, where this
     * query's two halves apart took 43 and 41.
     */
    private static final String CREDITS_AND_PERIOD = WINDOWS + """
            select e.id as educator_id, c.span, c.category, c.credit_type, c.provider, c.in_period, c.units
            from (select distinct unnest($1::uuid[]) as id) e
            left join windows w on w.educator_id = e.id
            cross join lateral (
                select case when w.educator_id is null or l.earned_at < w.previous_start
                                 or l.earned_at >= w.window_end then null
                            else %s end as span,
                       l.category, l.credit_type, l.provider,
                       sum(l.credit_hours) filter (where l.occurred_at >= $3 and l.occurred_at < $4) as in_period,
                       sum(l.credit_hours) as units
                from ledger_entry l
                where l.educator_id = e.id
                group by 1, 2, 3, 4) c""".formatted(SPAN);

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
                credits.computeIfAbsent(row.getUUID("educator_id"), educator -> new ArrayList<>()).add(credit(row));
            }
            return credits;
        });
    }

    /**
     * The credits of each educator with a license, and what each educator earned from {@code start} until
     * {@code end} (exclusive) by category and credit type; one without entries is absent from either.
     */
    public Uni<CreditsAndPeriod> creditsAndPeriod(Collection<UUID> educatorIds, ZoneId zone, OffsetDateTime start,
            OffsetDateTime end) {
        return pool.preparedQuery(CREDITS_AND_PERIOD)
                .execute(Tuple.of(educatorIds.toArray(UUID[]::new), zone.getId(), start, end)).map(rows -> {
                    Map<UUID, List<Credit>> credits = new HashMap<>();
                    Map<UUID, Map<CategoryAndType, BigDecimal>> inPeriod = new HashMap<>();
                    for (Row row : rows) {
                        UUID educatorId = row.getUUID("educator_id");
                        if (row.getString("span") != null) {
                            credits.computeIfAbsent(educatorId, educator -> new ArrayList<>()).add(credit(row));
                        }
                        BigDecimal units = row.getBigDecimal("in_period");
                        if (units != null) {
                            inPeriod.computeIfAbsent(educatorId, educator -> new HashMap<>()).merge(
                                    new CategoryAndType(row.getString("category"), row.getString("credit_type")),
                                    units, BigDecimal::add);
                        }
                    }
                    Map<UUID, List<PeriodUnits>> sums = new HashMap<>();
                    inPeriod.forEach((educatorId, byKey) -> sums.put(educatorId, byKey.entrySet().stream()
                            .map(sum -> new PeriodUnits(sum.getKey().category(), sum.getKey().creditType(),
                                    sum.getValue()))
                            .toList()));
                    return new CreditsAndPeriod(credits, sums);
                });
    }

    /** Credits for the renewal rules, and the sums of a period, of some educators. */
    public record CreditsAndPeriod(Map<UUID, List<Credit>> credits, Map<UUID, List<PeriodUnits>> inPeriod) {
    }

    private record CategoryAndType(String category, String creditType) {
    }

    private static Credit credit(Row row) {
        return new Credit(Credit.Span.valueOf(row.getString("span")), row.getString("category"),
                row.getString("credit_type"), row.getString("provider"), row.getBigDecimal("units"));
    }
}
