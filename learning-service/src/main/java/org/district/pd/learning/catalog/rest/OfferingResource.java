package org.district.pd.learning.catalog.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.OfferingSearch;
import org.district.pd.learning.catalog.OfferingService;
import org.district.pd.learning.catalog.OfferingStatus;
import org.district.pd.learning.catalog.Standard;
import org.district.pd.learning.catalog.Tags;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The catalog of offerings: anyone signed in searches it; district admins and principals (their school's) author it. */
@Path("/api/v1/learning/offerings")
@SecurityRequirement(name = "SecurityScheme")
public class OfferingResource {

    private static final Pattern TAG = Pattern.compile(Tags.PATTERN);
    private static final BigDecimal MAX_CREDIT = new BigDecimal("999");

    private final OfferingService service;

    OfferingResource(OfferingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull @Valid NewOffering request) {
        return service.create(request)
                .map(created -> Response.created(URI.create("/api/v1/learning/offerings/" + created.id()))
                        .entity(created).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OfferingView> update(@PathParam("id") String id, @NotNull @Valid NewOffering request) {
        return service.update(Parameters.uuid("id", id), request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    public Uni<OfferingView> publish(@PathParam("id") String id) {
        return service.publish(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    public Uni<OfferingView> retire(@PathParam("id") String id) {
        return service.retire(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/lms-courses")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OfferingView> addLmsCourse(@PathParam("id") String id, @NotNull @Valid LmsCourse request) {
        return service.addLmsCourse(Parameters.uuid("id", id), request);
    }

    @POST
    @Path("/{id}/xapi-activities")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OfferingView> addXapiActivity(@PathParam("id") String id, @NotNull @Valid NewXapiActivity request) {
        return service.addXapiActivity(Parameters.uuid("id", id), request.activityId());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<OfferingView> get(@PathParam("id") String id) {
        return service.get(Parameters.uuid("id", id));
    }

    /** Search: every parameter is optional; {@code tag}, {@code standard} and {@code format} may repeat. */
    @GET
    @Authenticated
    public Uni<List<OfferingView>> search(@QueryParam("q") String text, @QueryParam("tag") List<String> tags,
            @QueryParam("standard") List<String> standards, @QueryParam("format") List<String> formats,
            @QueryParam("minMinutes") String minMinutes, @QueryParam("maxMinutes") String maxMinutes,
            @QueryParam("minCredit") String minCredit, @QueryParam("maxCredit") String maxCredit,
            @QueryParam("minRating") String minRating, @QueryParam("scope") String scope,
            @QueryParam("schoolId") String schoolId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        String words = Parameters.optionalText("q", text, 200);
        OfferingStatus wanted = Parameters.optionalEnum("status", status, OfferingStatus.class);
        OfferingSearch.Scope whose = Parameters.optionalEnum("scope", scope, OfferingSearch.Scope.class);
        OfferingSearch search = new OfferingSearch(words == null || words.isBlank() ? null : words.strip(),
                tags(tags), standards.size() > 11 ? tooMany("standard") : standards.stream()
                        .map(value -> Parameters.optionalEnum("standard", value, Standard.class)).distinct().toList(),
                formats.size() > 7 ? tooMany("format") : formats.stream()
                        .map(value -> Parameters.optionalEnum("format", value, Format.class)).distinct().toList(),
                minutes("minMinutes", minMinutes), minutes("maxMinutes", maxMinutes),
                Parameters.optionalDecimal("minCredit", minCredit, BigDecimal.ZERO, MAX_CREDIT),
                Parameters.optionalDecimal("maxCredit", maxCredit, BigDecimal.ZERO, MAX_CREDIT),
                Parameters.optionalDecimal("minRating", minRating, BigDecimal.ONE, BigDecimal.valueOf(5)),
                whose == null ? OfferingSearch.Scope.ALL : whose, Parameters.optionalUuid("schoolId", schoolId),
                wanted == null ? OfferingStatus.PUBLISHED : wanted);
        return service.search(search, paging.page(), paging.size());
    }

    private static List<String> tags(List<String> tags) {
        if (tags.size() > 30) {
            return tooMany("tag");
        }
        tags.forEach(tag -> {
            if (!TAG.matcher(tag).matches()) {
                throw ProblemException.invalid("tag", Tags.MESSAGE);
            }
        });
        return tags.stream().distinct().toList();
    }

    private static <T> List<T> tooMany(String name) {
        throw ProblemException.invalid(name, "is given too many times");
    }

    private static Integer minutes(String name, String value) {
        return value == null || value.isBlank() ? null : Parameters.wholeNumber(name, value, 0, 1, 100000);
    }
}
