package org.district.pd.plan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalService;
import org.district.pd.plan.renewal.Standing;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every active educator in scope with their license's renewal figures, one keyset page of educators at a time: a
 * page is three queries (educators, licenses, credit sums) whatever its size, and nothing is held beyond the page
 * and, in the whole report, the next page read ahead.
 */
@ApplicationScoped
public class RenewalStatusReport {

    private static final String EDUCATORS = """
            select e.id, e.sourced_id, e.given_name, e.family_name, e.email,
                   array(select s.school_id from educator_school s where s.educator_id = e.id order by s.school_id)
                       as school_ids
            from educator e
            left join educator_license lic on lic.educator_id = e.id
            where e.active
              and ($1::uuid[] is null or exists (
                  select 1 from educator_school s where s.educator_id = e.id and s.school_id = any($1::uuid[])))
              and ($2::date is null or lic.expires_on >= $2)
              and ($3::date is null or lic.expires_on <= $3)
              and ($4::uuid is null or (e.family_name, e.given_name, e.id) > ($5::text, $6::text, $4::uuid))
            order by e.family_name, e.given_name, e.id
            limit $7""";

    private final Pool pool;
    private final RenewalService renewal;
    private final int pageSize;

    RenewalStatusReport(Pool pool, RenewalService renewal,
            @ConfigProperty(name = "pd.report.page-size", defaultValue = "500") int pageSize) {
        this.pool = pool;
        this.renewal = renewal;
        this.pageSize = pageSize;
    }

    /**
     * The whole report as pages of the rows the filter accepts; pages may be empty. The next page's educators are
     * read while this page's standings are.
     */
    public Multi<List<RenewalRow>> pages(RenewalFilter filter) {
        return renewal.profiles().toMulti().flatMap(profiles -> KeysetPages.of(pageSize,
                from -> educators(filter, from, pageSize), RenewalStatusReport::afterEducator,
                educators -> withStandings(educators, profiles)))
                .map(page -> page.stream().filter(filter::accepts).toList());
    }

    /** A page of {@code size} accepted rows after {@code from}; reads on past rows the filter refuses. */
    public Uni<Page> page(RenewalFilter filter, ReportCursor from, int size) {
        // Without a status filter, one more than asked for is all it needs to read to know whether more follow.
        int scan = filter.status() == null ? size + 1 : pageSize;
        return renewal.profiles().chain(profiles -> collect(filter, profiles, from, size, scan, new ArrayList<>()));
    }

    /** A page of the report; {@code next} is null on the last one. */
    public record Page(List<RenewalRow> rows, ReportCursor next) {
    }

    private Uni<Page> collect(RenewalFilter filter, SortedMap<String, StoredProfile> profiles, ReportCursor from,
            int size, int scan, List<RenewalRow> found) {
        return scanned(filter, profiles, from, scan).chain(scanned -> {
            for (RenewalRow row : scanned) {
                if (filter.accepts(row)) {
                    if (found.size() == size) {
                        return Uni.createFrom().item(new Page(found, after(found.get(size - 1))));
                    }
                    found.add(row);
                }
            }
            if (scanned.size() < scan) {
                return Uni.createFrom().item(new Page(found, null));
            }
            return collect(filter, profiles, after(scanned.get(scanned.size() - 1)), size, scan, found);
        });
    }

    /** The next educators after {@code from} with their standing, before the status filter. */
    private Uni<List<RenewalRow>> scanned(RenewalFilter filter, SortedMap<String, StoredProfile> profiles,
            ReportCursor from, int limit) {
        return educators(filter, from, limit).chain(educators -> withStandings(educators, profiles));
    }

    private Uni<List<Row>> educators(RenewalFilter filter, ReportCursor from, int limit) {
        Tuple parameters = Tuple.tuple()
                .addValue(filter.schools().map(ids -> ids.toArray(UUID[]::new)).orElse(null))
                .addValue(filter.windowEndFrom())
                .addValue(filter.windowEndTo())
                .addValue(from == null ? null : from.id())
                .addValue(from == null ? null : from.familyName())
                .addValue(from == null ? null : from.givenName())
                .addValue(limit);
        return pool.preparedQuery(EDUCATORS).execute(parameters).map(rows -> {
            List<Row> educators = new ArrayList<>();
            rows.forEach(educators::add);
            return educators;
        });
    }

    private Uni<List<RenewalRow>> withStandings(List<Row> educators, SortedMap<String, StoredProfile> profiles) {
        if (educators.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return renewal.standings(educators.stream().map(row -> row.getUUID("id")).toList(), profiles)
                .map(standings -> educators.stream().map(row -> row(row, standings)).toList());
    }

    private static RenewalRow row(Row row, Map<UUID, Standing> standings) {
        Standing standing = standings.get(row.getUUID("id"));
        License license = standing == null ? null : standing.license();
        return new RenewalRow(row.getUUID("id"), row.getString("sourced_id"), row.getString("given_name"),
                row.getString("family_name"), row.getString("email"), List.of(row.getArrayOfUUIDs("school_ids")),
                RenewalRow.statusOf(standing), license,
                standing == null ? null : standing.renewal());
    }

    private static ReportCursor after(RenewalRow row) {
        return new ReportCursor(row.familyName(), row.givenName(), row.educatorId());
    }

    private static ReportCursor afterEducator(Row educator) {
        return new ReportCursor(educator.getString("family_name"), educator.getString("given_name"),
                educator.getUUID("id"));
    }
}
