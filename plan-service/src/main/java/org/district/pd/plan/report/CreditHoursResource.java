package org.district.pd.plan.report;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The HR credit-hours report for a period: JSON pages at {@code credit-hours}, the whole as CSV at {@code .csv}. */
@Path("/api/v1/plans/reports")
@SecurityRequirement(name = "SecurityScheme")
public class CreditHoursResource {

    static final String CSV = "text/csv";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final CreditHoursReport report;
    private final PlanAccess access;

    CreditHoursResource(CreditHoursReport report, PlanAccess access) {
        this.report = report;
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
}
