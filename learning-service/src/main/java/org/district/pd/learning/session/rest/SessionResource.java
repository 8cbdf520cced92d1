package org.district.pd.learning.session.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.learning.session.AttendanceService;
import org.district.pd.learning.session.RegistrationService;
import org.district.pd.learning.session.SessionService;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Sessions: registration with a waitlist, and attendance by roster or rotating code. */
@Path("/api/v1/learning/sessions")
@SecurityRequirement(name = "SecurityScheme")
public class SessionResource {

    private final SessionService sessions;
    private final RegistrationService registrations;
    private final AttendanceService attendance;

    SessionResource(SessionService sessions, RegistrationService registrations, AttendanceService attendance) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.attendance = attendance;
    }

    @GET
    @Path("/facilitating")
    @RolesAllowed(Roles.FACILITATOR)
    public Uni<List<SessionView>> facilitating(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return sessions.facilitating(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<SessionView> get(@PathParam("id") String sessionId) {
        return sessions.get(Parameters.uuid("id", sessionId));
    }

    @GET
    @Path("/{id}/roster")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.FACILITATOR})
    public Uni<RosterView> roster(@PathParam("id") String sessionId) {
        return registrations.roster(Parameters.uuid("id", sessionId));
    }

    @POST
    @Path("/{id}/registrations")
    @RolesAllowed(Roles.TEACHER)
    public Uni<RegistrationView> register(@PathParam("id") String sessionId) {
        return registrations.register(Parameters.uuid("id", sessionId));
    }

    @DELETE
    @Path("/{id}/registrations/me")
    @RolesAllowed(Roles.TEACHER)
    public Uni<RegistrationView> cancel(@PathParam("id") String sessionId) {
        return registrations.cancel(Parameters.uuid("id", sessionId));
    }

    @GET
    @Path("/{id}/check-in-code")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.FACILITATOR})
    public Uni<CheckInCodeView> code(@PathParam("id") String sessionId) {
        return attendance.code(Parameters.uuid("id", sessionId));
    }

    @POST
    @Path("/{id}/check-ins")
    @RolesAllowed(Roles.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> checkIn(@PathParam("id") String sessionId, @NotNull @Valid CheckIn request) {
        return attendance.checkIn(Parameters.uuid("id", sessionId), request.code())
                .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build());
    }

    @PUT
    @Path("/{id}/attendance")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.FACILITATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<MarkResult>> mark(@PathParam("id") String sessionId, @NotNull @Valid AttendanceMarks marks) {
        return attendance.mark(Parameters.uuid("id", sessionId), marks);
    }

    @POST
    @Path("/{id}/attendance-corrections")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.FACILITATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CorrectionResult> correct(@PathParam("id") String sessionId,
            @NotNull @Valid AttendanceCorrection correction) {
        return attendance.correct(Parameters.uuid("id", sessionId), correction);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SessionView> reschedule(@PathParam("id") String sessionId, @NotNull @Valid NewSession request) {
        return sessions.reschedule(Parameters.uuid("id", sessionId), request);
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SessionView> cancel(@PathParam("id") String sessionId,
            @NotNull @Valid SessionCancellation cancellation) {
        return sessions.cancel(Parameters.uuid("id", sessionId), cancellation.reason());
    }
}
