package org.district.pd.community.meeting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.meeting.AttendanceService;
import org.district.pd.community.meeting.MeetingService;
import org.district.pd.community.meeting.MeetingViews.AttendanceView;
import org.district.pd.community.meeting.MeetingViews.CheckInCodeView;
import org.district.pd.community.meeting.MeetingViews.MarksView;
import org.district.pd.community.meeting.MeetingViews.MeetingView;
import org.district.pd.community.meeting.rest.MeetingBodies.CheckIn;
import org.district.pd.community.meeting.rest.MeetingBodies.Marks;
import org.district.pd.community.meeting.rest.MeetingBodies.MeetingEdit;
import org.district.pd.community.meeting.rest.MeetingBodies.Voiding;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** A meeting: its details, cancellation, check-in and attendance. */
@Path("/api/v1/community/meetings")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class MeetingResource {

    private final MeetingService meetings;
    private final AttendanceService attendance;

    MeetingResource(MeetingService meetings, AttendanceService attendance) {
        this.meetings = meetings;
        this.attendance = attendance;
    }

    @GET
    @Path("/{id}")
    public Uni<MeetingView> get(@PathParam("id") String id) {
        return meetings.get(Parameters.uuid("id", id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MeetingView> edit(@PathParam("id") String id, @NotNull @Valid MeetingEdit edit) {
        return meetings.edit(Parameters.uuid("id", id), edit);
    }

    @POST
    @Path("/{id}/cancel")
    public Uni<MeetingView> cancel(@PathParam("id") String id) {
        return meetings.cancel(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/check-in-code")
    public Uni<CheckInCodeView> code(@PathParam("id") String id) {
        return attendance.code(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AttendanceView> checkIn(@PathParam("id") String id, @NotNull @Valid CheckIn body) {
        return attendance.checkIn(Parameters.uuid("id", id), body.code());
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MarksView> mark(@PathParam("id") String id, @NotNull @Valid Marks marks) {
        return attendance.mark(Parameters.uuid("id", id), marks.attendees());
    }

    /** A facilitator takes back an attendance recorded by mistake, with a reason. */
    @POST
    @Path("/{id}/attendance/{educatorId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AttendanceView> voidAttendance(@PathParam("id") String id, @PathParam("educatorId") String educatorId,
            @NotNull @Valid Voiding body) {
        return attendance.voidAttendance(Parameters.uuid("id", id), Parameters.uuid("educatorId", educatorId),
                body.reason());
    }

    @GET
    @Path("/{id}/attendance")
    public Uni<List<AttendanceView>> attendance(@PathParam("id") String id) {
        return attendance.of(Parameters.uuid("id", id));
    }
}
