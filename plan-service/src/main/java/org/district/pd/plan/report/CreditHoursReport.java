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

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.BuiltInProfiles;
import org.district.pd.plan.renewal.PeriodUnits;
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
 * one keyset page of educators at a time, then converted to hours under the educator's renewal profile (without a
 * license: a CEU is 10 hours, a semester hour or credit 15).
 */
@ApplicationScoped
public class CreditHoursReport {

    /** A page of the educators active in the period, with their schools, in name order. */
    private static final String EDUCATORS = """
            select e.id, e.sourced_id, e.given_name, e.family_name, e.email,
                   array(select s.school_id from educator_school s where s.educator_id = e.id order by s.school_id)
                       as school_ids
            from educator e
            where (e.active or e.deactivated_at > $2)
              and ($1::uuid[] is null or exists (
                  select 1 from educator_school s where s.educator_id = e.id and s.school_id = any($1::uuid[])))
              and ($3::uuid is null or (e.family_name, e.given_name, e.id) > ($4::text, $5::text, $3::uuid))
            order by e.family_name, e.given_name, e.id
            limit $6""";

    private final Pool pool;
    private final RenewalService renewal;
    private final int pageSize;

    CreditHoursReport(Pool pool, RenewalService renewal,
            @ConfigProperty(name = "pd.report.page-size", defaultValue = "500") int pageSize) {
        this.pool = pool;
        this.renewal = renewal;
        this.pageSize = pageSize;
    }

    /**
     * Pages of educators in name order; {@code schools} empty means every school. Nothing is held beyond two pages:
     * the next page's educators are read while this page's hours are.
     */
    public Multi<List<EducatorHours>> pages(ReportPeriod period, Optional<Set<UUID>> schools) {
        return renewal.profiles().toMulti().flatMap(profiles -> KeysetPages.of(pageSize,
                after -> educators(period, schools, after, pageSize), ReportCursor::after,
                page -> inHours(period, page, profiles)));
    }

    /** One page of at most {@code size} educators after {@code after} (null: from the start), and where the next starts. */
    public Uni<Page> page(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after, int size) {
        // One more than asked for tells whether a next page exists without a query that finds it empty.
        return educators(period, schools, after, size + 1).chain(found -> {
            List<EducatorHours> page = found.size() > size ? found.subList(0, size) : found;
            ReportCursor next = found.size() > size ? ReportCursor.after(page.get(size - 1)) : null;
            return renewal.profiles().chain(profiles -> inHours(period, page, profiles))
                    .map(hours -> new Page(hours, next));
        });
    }

    /** A page of the report; {@code next} is null on the last one. */
    public record Page(List<EducatorHours> educators, ReportCursor next) {
    }

    /** The educators of a page, without their hours yet. */
    private Uni<List<EducatorHours>> educators(ReportPeriod period, Optional<Set<UUID>> schools, ReportCursor after,
            int limit) {
        Tuple parameters = Tuple.tuple()
                .addValue(schools.map(ids -> ids.toArray(UUID[]::new)).orElse(null))
                .addValue(period.start())
                .addValue(after == null ? null : after.id())
                .addValue(after == null ? null : after.familyName())
                .addValue(after == null ? null : after.givenName())
                .addValue(limit);
        return pool.preparedQuery(EDUCATORS).execute(parameters).map(rows -> {
            List<EducatorHours> page = new ArrayList<>();
            rows.forEach(row -> page.add(educator(row)));
            return page;
        });
    }

    /**
     * The page in hours, with each educator's renewal status: their sums in the period and their standings from one
     * scan of their entries, and their licenses beside it. Each sum of a category and credit type converts on its own,
     * to the hundredth hour, as the renewal figures do.
     */
    private Uni<List<EducatorHours>> inHours(ReportPeriod period, List<EducatorHours> page,
            SortedMap<String, StoredProfile> profiles) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(EducatorHours::educatorId).toList();
        return renewal.standings(ids, profiles, period.start(), period.endExclusive()).map(found -> page.stream()
                .map(educator -> {
                    Standing standing = found.standings().get(educator.educatorId());
                    Map<String, BigDecimal> conversions = standing == null ? BuiltInProfiles.WITHOUT_LICENSE
                            : standing.profile().conversions();
                    SortedMap<String, BigDecimal> byCategory = new TreeMap<>();
                    for (PeriodUnits units : found.inPeriod().getOrDefault(educator.educatorId(), List.of())) {
                        byCategory.merge(units.category(),
                                RenewalProfile.hours(conversions, units.creditType(), units.units()), BigDecimal::add);
                    }
                    return withTotal(educator, byCategory, RenewalRow.statusOf(standing));
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
