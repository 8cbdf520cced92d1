package org.district.pd.community.meeting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.community.meeting.MeetingService;
import org.district.pd.community.meeting.MeetingViews.MeetingView;
import org.district.pd.community.meeting.MeetingViews.Scheduled;
import org.district.pd.community.meeting.rest.MeetingBodies.NewMeeting;
import org.district.pd.community.security.People;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** A community's meetings: scheduling them and its schedule. */
@Path("/api/v1/community/communities/{id}/meetings")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({People.TEACHER, People.COACH, People.PRINCIPAL, People.DISTRICT_ADMIN, People.FACILITATOR,
        People.ASSESSOR})
public class CommunityMeetingResource {

    private final MeetingService meetings;

    CommunityMeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    /** Schedules a meeting, or a series with {@code recurrence} (an RRULE, e.g. FREQ=MONTHLY;INTERVAL=2;COUNT=6). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Scheduled> schedule(@PathParam("id") String id, @NotNull @Valid NewMeeting body) {
        return meetings.schedule(Parameters.uuid("id", id), body);
    }

    /** The community's meetings from {@code from} (default a day ago) to {@code to} (default 90 days on). */
    @GET
    public Uni<List<MeetingView>> list(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return meetings.ofCommunity(Parameters.uuid("id", id), Parameters.optionalInstant("from", from),
                Parameters.optionalInstant("to", to));
    }
}
