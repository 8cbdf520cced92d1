package org.district.pd.plan.report;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The HR credit-hours report for a period, as JSON or as a streamed CSV download (see {@link ReportFormatFilter}). */
@Path(CreditHoursResource.PATH)
@SecurityRequirement(name = "SecurityScheme")
public class CreditHoursResource {

    static final String PATH = "/api/v1/plans/reports/credit-hours";
    static final String CSV = "text/csv";
    private static final String FORMATS = "json|csv";

    private final CreditHoursReport report;
    private final PlanAccess access;

    CreditHoursResource(CreditHoursReport report, PlanAccess access) {
        this.report = report;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public Uni<CreditHoursView> json(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("format") @Pattern(regexp = FORMATS, message = "must be json or csv") String format) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        UUID school = schoolId(schoolId);
        return report.pages(period, access.reportSchools(school))
                .onItem().<EducatorHours>disjoint().collect().asList()
                .map(educators -> new CreditHoursView(period.from(), period.to(), school, educators));
    }

    @GET
    @Produces(CSV)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN, Roles.PRINCIPAL })
    public RestMulti<String> csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("format") @Pattern(regexp = FORMATS, message = "must be json or csv") String format) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        Multi<String> rows = report.pages(period, access.reportSchools(schoolId(schoolId))).map(CreditHoursCsv::rows);
        Multi<String> csv = Multi.createBy().concatenating().streams(Multi.createFrom().item(CreditHoursCsv.HEADER), rows);
        return RestMulti.fromMultiData(csv)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=credit-hours-" + period.from() + "-" + period.to() + ".csv")
                .build();
    }

    private static UUID schoolId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("schoolId", "must be a UUID");
        }
    }
}
