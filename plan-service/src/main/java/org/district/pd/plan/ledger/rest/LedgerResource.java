package org.district.pd.plan.ledger.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.plan.ledger.FeedCursor;
import org.district.pd.plan.ledger.FeedEntry;
import org.district.pd.plan.ledger.LedgerFeed;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.smallrye.mutiny.Uni;

/** The ledger's changes since a cursor, in commit order, for HR systems that poll. */
@Path("/api/v1/plans/ledger")
@SecurityRequirement(name = "SecurityScheme")
public class LedgerResource {

    static final int DEFAULT_SIZE = 500;
    static final int MAX_SIZE = 2_000;

    private final LedgerFeed feed;

    LedgerResource(LedgerFeed feed) {
        this.feed = feed;
    }

    /** The page's entries and the cursor to pass next; {@code more} says whether to ask again at once. */
    public record ChangesView(List<FeedEntry> entries, String nextCursor, boolean more) {
    }

    @GET
    @Path("changes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<ChangesView> changes(@QueryParam("cursor") String cursor, @QueryParam("size") String size) {
        FeedCursor after = FeedCursor.parse(cursor);
        int limit = Parameters.wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return feed.after(after, limit).map(changes -> new ChangesView(changes.entries(),
                changes.next().encode(), changes.more()));
    }

    /** The cursor at the feed's end now, for a poller that wants only what changes from here on. */
    public record End(String cursor) {
    }

    @GET
    @Path("changes/end")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HR, Roles.DISTRICT_ADMIN })
    public Uni<End> end() {
        return feed.end().map(cursor -> new End(cursor.encode()));
    }
}
