package org.district.pd.platform.delivery;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.district.pd.platform.inbox.DeadLetterPage;
import org.district.pd.platform.inbox.DeadLetterReplay;
import org.district.pd.platform.inbox.DeadLetterView;
import org.district.pd.platform.inbox.DeadLetters;
import org.district.pd.platform.outbox.ParkedEvents;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;

import io.smallrye.mutiny.Uni;

/**
 * What a district admin needs when delivery goes wrong: the service's dead letters, listed and replayed, and its
 * parked outbox rows, listed and retried. Each service exposes it under its own area with a one-line subclass,
 * e.g. {@code @Path("/api/v1/plans/admin")}. District admins only.
 */
public abstract class DeliveryAdminResource {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final ParkedEvents parked;

    protected DeliveryAdminResource(DeadLetters deadLetters, DeadLetterReplay replay, ParkedEvents parked) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.parked = parked;
    }

    /** {@code status}: pending (not yet replayed successfully, the default), replayed, or all. */
    @GET
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/dead-letters")
    public Uni<DeadLetterPage> deadLetters(
            @QueryParam("status") @DefaultValue("pending") @Pattern(regexp = "pending|replayed|all",
                    message = "must be pending, replayed or all") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Boolean pending = switch (status) {
            case "pending" -> true;
            case "replayed" -> false;
            default -> null;
        };
        PageRequest paging = PageRequest.of(page, size);
        return deadLetters.list(pending, paging.page(), paging.size());
    }

    @GET
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/dead-letters/{id}")
    public Uni<DeadLetterView> deadLetter(@PathParam("id") String deadLetterId) {
        UUID id = Parameters.uuid("id", deadLetterId);
        return deadLetters.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No dead letter " + id));
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/dead-letters/{id}/replay")
    public Uni<DeadLetterReplay.Result> replay(@PathParam("id") String deadLetterId) {
        return replay.replay(Parameters.uuid("id", deadLetterId));
    }

    /** Replays pending dead letters, oldest first, at most {@code limit} per call. */
    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/dead-letters/replay")
    public Uni<DeadLetterReplay.Summary> replayAll(@QueryParam("limit") String limit) {
        return replay.replayPending(Parameters.wholeNumber("limit", limit, 1000, 1, 10_000));
    }

    @GET
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/parked-events")
    public Uni<ParkedEvents.Page> parkedEvents(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return parked.list(paging.page(), paging.size());
    }

    /** Puts a parked row back in line with fresh attempts, once whatever refused it is fixed. */
    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Path("/parked-events/{id}/retry")
    public Uni<Void> retryParked(@PathParam("id") String parkedId) {
        UUID id = Parameters.uuid("id", parkedId);
        return parked.retry(id).invoke(retried -> {
            if (!retried) {
                throw ProblemException.notFound("No parked event " + id);
            }
        }).replaceWithVoid();
    }
}
