package org.district.pd.plan.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The HR reports, each as JSON pages and as a streamed CSV of the whole: credit hours in a period, and every
 * educator's license renewal status.
 */
@Path("/api/v1/plans/reports")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    static final String CSV = "text/csv";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final CreditHoursReport report;
    private final RenewalStatusReport renewals;
    private final PlanAccess access;

    ReportResource(CreditHoursReport report, RenewalStatusReport renewals, PlanAccess access) {
        this.report = report;
        this.renewals = renewals;
        this.access = access;
    }

    @GET
    @Path("credit-hours")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public Uni<CreditHoursView> page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("schoolId") String schoolId, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        UUID school = Parameters.optionalUuid("schoolId", schoolId);
        int pageSize = Parameters.wholeNumber("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ReportCursor after = ReportCursor.parse(cursor);
        return report.page(period, access.reportSchools(school), after, pageSize)
                .map(page -> new CreditHoursView(period.from(), period.to(), school, page.educators(),
                        page.next() == null ? null : page.next().encode()));
    }

    /** Every parameter is checked before the 200 and the header row go out; the rows then stream page by page. */
    @GET
    @Path("credit-hours.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public RestMulti<String> csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("schoolId") String schoolId) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        UUID school = Parameters.optionalUuid("schoolId", schoolId);
        Multi<String> rows = report.pages(period, access.reportSchools(school)).map(CreditHoursCsv::rows);
        Multi<String> csv = Multi.createBy().concatenating().streams(Multi.createFrom().item(CreditHoursCsv.HEADER), rows);
        return RestMulti.fromMultiData(csv)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=credit-hours-" + period.from() + "-" + period.to() + ".csv")
                .build();
    }

    @GET
    @Path("renewal-status")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public Uni<RenewalStatusView> renewalStatus(@QueryParam("schoolId") String schoolId,
            @QueryParam("status") String status, @QueryParam("windowEndFrom") String windowEndFrom,
            @QueryParam("windowEndTo") String windowEndTo, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        RenewalFilter filter = renewalFilter(schoolId, status, windowEndFrom, windowEndTo);
        int pageSize = Parameters.wholeNumber("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ReportCursor after = ReportCursor.parse(cursor);
        return renewals.page(filter, after, pageSize).map(page -> new RenewalStatusView(page.rows(),
                page.next() == null ? null : page.next().encode()));
    }

    @GET
    @Path("renewal-status.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public RestMulti<String> renewalStatusCsv(@QueryParam("schoolId") String schoolId,
            @QueryParam("status") String status, @QueryParam("windowEndFrom") String windowEndFrom,
            @QueryParam("windowEndTo") String windowEndTo) {
        RenewalFilter filter = renewalFilter(schoolId, status, windowEndFrom, windowEndTo);
        Multi<String> rows = renewals.pages(filter).map(RenewalStatusCsv::rows).select().where(page -> !page.isEmpty());
        Multi<String> csv = Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(RenewalStatusCsv.HEADER), rows);
        return RestMulti.fromMultiData(csv)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=renewal-status.csv")
                .build();
    }

    /** A page of the renewal-status report and the cursor of the next, null on the last. */
    public record RenewalStatusView(List<RenewalRow> educators, String nextCursor) {
    }

    private RenewalFilter renewalFilter(String schoolId, String status, String windowEndFrom, String windowEndTo) {
        UUID school = Parameters.optionalUuid("schoolId", schoolId);
        RenewalRow.Status wanted = Parameters.optionalEnum("status", status, RenewalRow.Status.class);
        LocalDate from = ReportPeriod.optionalDate("windowEndFrom", windowEndFrom);
        LocalDate to = ReportPeriod.optionalDate("windowEndTo", windowEndTo);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid("windowEndFrom", "must not be after windowEndTo");
        }
        return new RenewalFilter(access.reportSchools(school), wanted, from, to);
    }
}
