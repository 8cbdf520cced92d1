package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.RenewalService;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Credit hours per educator active in the period, and category, summed in SQL, one keyset page of educators per query. */
@ApplicationScoped
public class CreditHoursReport {

    private static final String PAGE = """
            with page as (
                select e.id, e.sourced_id, e.given_name, e.family_name, e.email
                from educator e
                where (e.active or e.deactivated_at > $2)
                  and ($1::uuid[] is null or exists (
                      select 1 from educator_school s where s.educator_id = e.id and s.school_id = any($1::uuid[])))
                  and ($4::uuid is null or (e.family_name, e.given_name, e.id) > ($5::text, $6::text, $4::uuid))
                order by e.family_name, e.given_name, e.id
                limit $7)
            select p.id, p.sourced_id, p.given_name, p.family_name, p.email,
                   array(select s.school_id from educator_school s where s.educator_id = p.id order by s.school_id)
                       as school_ids,
                   l.category, sum(l.credit_hours) as hours
            from page p
            left join ledger_entry l on l.educator_id = p.id and l.occurred_at >= $2 and l.occurred_at < $3
            group by p.id, p.sourced_id, p.given_name, p.family_name, p.email, l.category
            order by p.family_name, p.given_name, p.id, l.category""";

    private static final String NO_LICENSE = RenewalRow.Status.NO_LICENSE.name();

    private final Pool pool;
    private final RenewalService renewal;
    private final int pageSize;

    CreditHoursReport(Pool pool, RenewalService renewal,
            @ConfigProperty(name = "pd.report.page-size", defaultValue = "500") int pageSize) {
        this.pool = pool;
        this.renewal = renewal;
        this.pageSize = pageSize;
    }

    /** Pages of educators in name order; {@code schools} empty means every school. Nothing is held beyond a page. */
    public Multi<List<EducatorHours>> pages(ReportPeriod period, Optional<Set<UUID>> schools) {
        return renewal.profiles().toMulti().flatMap(profiles -> Multi.createBy().repeating()
                .uni(AtomicReference<ReportCursor>::new, cursor -> educators(period, schools, cursor.get(), pageSize)
                        .chain(page -> withRenewal(page, profiles))
                        .invoke(page -> cursor.set(page.isEmpty() ? null : ReportCursor.after(page.get(page.size() - 1)))))
                .whilst(page -> page.size() == pageSize)
                .select().where(page -> !page.isEmpty()));
    }

    /** One page of at most {@code size} educators after {@code after} (null: from the start), and where the next starts. */
    public Uni<Page> page(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after, int size) {
        // One more than asked for tells whether a next page exists without a query that finds it empty.
        return educators(period, schools, after, size + 1).map(educators -> educators.size() > size
                ? new Page(educators.subList(0, size), ReportCursor.after(educators.get(size - 1)))
                : new Page(educators, null))
                .chain(page -> renewal.profiles().chain(profiles -> withRenewal(page.educators(), profiles))
                        .map(educators -> new Page(educators, page.next())));
    }

    /** A page of the report; {@code next} is null on the last one. */
    public record Page(List<EducatorHours> educators, ReportCursor next) {
    }

    private Uni<List<EducatorHours>> educators(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after,
            int limit) {
        Tuple parameters = Tuple.tuple()
                .addValue(schools.map(ids -> ids.toArray(UUID[]::new)).orElse(null))
                .addValue(period.start())
                .addValue(period.endExclusive())
                .addValue(after == null ? null : after.id())
                .addValue(after == null ? null : after.familyName())
                .addValue(after == null ? null : after.givenName())
                .addValue(limit);
        return pool.preparedQuery(PAGE).execute(parameters).map(rows -> {
            List<EducatorHours> page = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                if (page.isEmpty() || !page.get(page.size() - 1).educatorId().equals(id)) {
                    page.add(educator(row));
                }
                String category = row.getString("category");
                if (category != null) {
                    page.get(page.size() - 1).hoursByCategory().put(category, hours(row.getBigDecimal("hours")));
                }
            }
            return page.stream().map(CreditHoursReport::withTotal).toList();
        });
    }

    /** The page with each educator's renewal status: two more queries, whatever the page's size. */
    private Uni<List<EducatorHours>> withRenewal(List<EducatorHours> page, SortedMap<String, StoredProfile> profiles) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(page);
        }
        return renewal.standings(page.stream().map(EducatorHours::educatorId).toList(), profiles)
                .map(standings -> page.stream().map(educator -> educator.withRenewalStatus(
                        Optional.ofNullable(standings.get(educator.educatorId()))
                                .map(standing -> standing.renewal().status().name()).orElse(NO_LICENSE)))
                        .toList());
    }

    private static EducatorHours educator(Row row) {
        return new EducatorHours(row.getUUID("id"), row.getString("sourced_id"), row.getString("given_name"),
                row.getString("family_name"), row.getString("email"), List.of(row.getArrayOfUUIDs("school_ids")),
                BigDecimal.ZERO, new TreeMap<>(), null);
    }

    private static EducatorHours withTotal(EducatorHours educator) {
        SortedMap<String, BigDecimal> byCategory = educator.hoursByCategory();
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EducatorHours(educator.educatorId(), educator.sourcedId(), educator.givenName(),
                educator.familyName(), educator.email(), educator.schoolIds(), hours(total), byCategory, null);
    }

    private static BigDecimal hours(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
