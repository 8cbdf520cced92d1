package org.district.pd.learning.xapi.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.district.pd.learning.xapi.StatementStore;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The xAPI statements held because their learner is not rostered yet: the district admin's queue, beside the held
 * completions. Linking the learner's email or account (POST /learners/links) credits them.
 */
@Path("/api/v1/learning/xapi-statements/held")
@SecurityRequirement(name = "SecurityScheme")
public class HeldStatementResource {

    private final StatementStore statements;

    HeldStatementResource(StatementStore statements) {
        this.statements = statements;
    }

    @GET
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @WithSession
    public Uni<StatementStore.HeldPage> held(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return statements.held(paging.page(), paging.size());
    }
}
