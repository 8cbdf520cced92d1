package org.district.pd.learning.ingestion.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;


import jakarta.validation.constraints.NotNull;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.learning.ingestion.BatchReport;
import org.district.pd.learning.ingestion.CompletionIngestionService;
import org.district.pd.learning.ingestion.persistence.HeldCompletionRepository;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** LMS completion ingestion, and the held completions district admins work off. */
@Path("/api/v1/learning/completions")
@SecurityRequirement(name = "SecurityScheme")
public class CompletionResource {

    private final CompletionIngestionService ingestion;
    private final HeldCompletionRepository held;
    private final Caller caller;

    CompletionResource(CompletionIngestionService ingestion, HeldCompletionRepository held, Caller caller) {
        this.ingestion = ingestion;
        this.held = held;
        this.caller = caller;
    }

    /** Answers 200 with one result per item once the batch is well-formed, whatever became of each item. */
    @POST
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BatchReport> ingest(@NotNull @Valid CompletionBatch batch) {
        return ingestion.ingest(caller.clientId(), batch.items());
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @WithSession
    public Uni<HeldCompletionPage> unmatched(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return held.pending(Page.of(paging.page(), paging.size()))
                .flatMap(items -> held.countPending().map(total -> new HeldCompletionPage(paging.page(),
                        paging.size(), total,
                        items.stream().map(HeldCompletionView::of).toList())));
    }
}
