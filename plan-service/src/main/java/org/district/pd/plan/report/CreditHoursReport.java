package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.BuiltInProfiles;
import org.district.pd.plan.renewal.RenewalProfile;
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
 * Credit hours per educator active in the period, and category: each category's credit of each type summed in SQL,
 * one keyset page of educators per query, then converted to hours under the educator's renewal profile (without a
 * license: a CEU is 10 hours, a semester hour or credit 15).
 */
@ApplicationScoped
public class CreditHoursReport {

    /**
     * A page's educators with their schools, then each one's sums by category and credit type: the schools once per
     * educator and the sums in a lateral per educator, so the rows come in the page's order without a sort (the order
     * of an educator's sums does not matter; they are merged by category).
     */
    private static final String PAGE = """
            with page as (
                select e.id, e.sourced_id, e.given_name, e.family_name, e.email,
                       array(select s.school_id from educator_school s where s.educator_id = e.id order by s.school_id)
                           as school_ids
                from educator e
                where (e.active or e.deactivated_at > $2)
                  and ($1::uuid[] is null or exists (
                      select 1 from educator_school s where s.educator_id = e.id and s.school_id = any($1::uuid[])))
                  and ($4::uuid is null or (e.family_name, e.given_name, e.id) > ($5::text, $6::text, $4::uuid))
                order by e.family_name, e.given_name, e.id
                limit $7)
            select p.id, p.sourced_id, p.given_name, p.family_name, p.email, p.school_ids, l.category, l.credit_type,
                   l.units
            from page p
            left join lateral (
                select l.category, l.credit_type, sum(l.credit_hours) as units
                from ledger_entry l
                where l.educator_id = p.id and l.occurred_at >= $2 and l.occurred_at < $3
                group by l.category, l.credit_type) l on true
            order by p.family_name, p.given_name, p.id""";

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
                        .chain(page -> inHours(page, profiles))
                        .invoke(page -> cursor.set(page.isEmpty() ? null : ReportCursor.after(page.get(page.size() - 1)))))
                .whilst(page -> page.size() == pageSize)
                .select().where(page -> !page.isEmpty()));
    }

    /** One page of at most {@code size} educators after {@code after} (null: from the start), and where the next starts. */
    public Uni<Page> page(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after, int size) {
        // One more than asked for tells whether a next page exists without a query that finds it empty.
        return educators(period, schools, after, size + 1).chain(found -> {
            List<Credits> page = found.size() > size ? found.subList(0, size) : found;
            ReportCursor next = found.size() > size ? ReportCursor.after(page.get(size - 1).educator()) : null;
            return renewal.profiles().chain(profiles -> inHours(page, profiles)).map(hours -> new Page(hours, next));
        });
    }

    /** A page of the report; {@code next} is null on the last one. */
    public record Page(List<EducatorHours> educators, ReportCursor next) {
    }

    private Uni<List<Credits>> educators(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after,
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
            List<Credits> page = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                if (page.isEmpty() || !page.get(page.size() - 1).educator().educatorId().equals(id)) {
                    page.add(new Credits(educator(row), new ArrayList<>()));
                }
                String category = row.getString("category");
                if (category != null) {
                    page.get(page.size() - 1).units()
                            .add(new Units(category, row.getString("credit_type"), row.getBigDecimal("units")));
                }
            }
            return page;
        });
    }

    /** An educator of a page with their credit per category and type, before conversion. */
    private record Credits(EducatorHours educator, List<Units> units) {
    }

    private record Units(String category, String creditType, BigDecimal units) {
    }

    /**
     * The page in hours, with each educator's renewal status: two more queries, whatever the page's size. Each sum of
     * a category and credit type converts on its own, to the hundredth hour, as the renewal figures do.
     */
    private Uni<List<EducatorHours>> inHours(List<Credits> page, SortedMap<String, StoredProfile> profiles) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return renewal.standings(page.stream().map(credits -> credits.educator().educatorId()).toList(), profiles)
                .map(standings -> page.stream().map(credits -> {
                    Standing standing = standings.get(credits.educator().educatorId());
                    Map<String, BigDecimal> conversions = standing == null ? BuiltInProfiles.WITHOUT_LICENSE
                            : standing.profile().conversions();
                    SortedMap<String, BigDecimal> byCategory = new TreeMap<>();
                    for (Units units : credits.units()) {
                        byCategory.merge(units.category(),
                                RenewalProfile.hours(conversions, units.creditType(), units.units()), BigDecimal::add);
                    }
                    return withTotal(credits.educator(), byCategory, RenewalRow.statusOf(standing));
                }).toList());
    }

    private static EducatorHours educator(Row row) {
        return new EducatorHours(row.getUUID("id"), row.getString("sourced_id"), row.getString("given_name"),
                row.getString("family_name"), row.getString("email"), List.of(row.getArrayOfUUIDs("school_ids")),
                BigDecimal.ZERO, new TreeMap<>(), null);
    }

    private static EducatorHours withTotal(EducatorHours educator, SortedMap<String, BigDecimal> byCategory,
            String renewalStatus) {
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EducatorHours(educator.educatorId(), educator.sourcedId(), educator.givenName(),
                educator.familyName(), educator.email(), educator.schoolIds(), hours(total), byCategory, renewalStatus);
    }

    private static BigDecimal hours(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
