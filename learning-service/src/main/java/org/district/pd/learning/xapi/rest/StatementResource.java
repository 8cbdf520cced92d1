package org.district.pd.learning.xapi.rest;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.district.pd.learning.xapi.StatementParser;
import org.district.pd.learning.xapi.StatementService;
import org.district.pd.learning.xapi.XapiVersion;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * The xAPI Statements resource for LMS integrations (IEEE 9274.1.1 §4.1.6.1). Bodies are read as text and parsed
 * strictly, so a property sent twice is a 400 rather than a silently kept last value.
 */
@Path("/xapi")
@SecurityRequirement(name = "SecurityScheme")
public class StatementResource {

    private static final Set<String> BY_ID = Set.of("statementId", "voidedStatementId", "attachments", "format");

    private final StatementService statements;
    private final Caller caller;

    StatementResource(StatementService statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @GET
    @Path("/about")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public About about() {
        return new About(XapiVersion.SERVED);
    }

    @PUT
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri, String body) {
        requireVersion(version);
        UUID id = Parameters.uuid("statementId", uri.getQueryParameters().getFirst("statementId"));
        List<JsonNode> sent = StatementParser.statements(body);
        if (sent.size() != 1 || !sent.get(0).isObject()) {
            throw ProblemException.invalid("statement", "PUT takes one statement; POST takes several");
        }
        JsonNode statement = sent.get(0);
        if (statement.has("id") && !id.toString().equalsIgnoreCase(statement.get("id").asText())) {
            throw ProblemException.invalid("id", "differs from the statementId parameter");
        }
        ((ObjectNode) statement).put("id", id.toString());
        return statements.store(caller.clientId(), sent)
                .map(stored -> Response.noContent().build());
    }

    @POST
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(@HeaderParam(XapiVersion.HEADER) String version, String body) {
        requireVersion(version);
        return statements.store(caller.clientId(), StatementParser.statements(body))
                .map(ids -> Response.ok(ids.stream().map(UUID::toString).toList()).build());
    }

    /** One statement by statementId or voidedStatementId; queries with filters come next. */
    @GET
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri) {
        requireVersion(version);
        var parameters = uri.getQueryParameters();
        String statementId = parameters.getFirst("statementId");
        String voidedId = parameters.getFirst("voidedStatementId");
        if (statementId == null && voidedId == null) {
            throw ProblemException.invalid("statementId",
                    "is required: this LRS answers statementId or voidedStatementId only, for now");
        }
        if (statementId != null && voidedId != null) {
            throw ProblemException.invalid("voidedStatementId", "goes without statementId");
        }
        for (String name : parameters.keySet()) {
            if (!BY_ID.contains(name)) {
                throw ProblemException.invalid(name, "goes with neither statementId nor voidedStatementId");
            }
        }
        boolean voided = voidedId != null;
        UUID id = Parameters.uuid(voided ? "voidedStatementId" : "statementId", voided ? voidedId : statementId);
        return statements.find(id, voided).map(statement -> Response.ok(statement)
                .lastModified(Date.from(Instant.parse(statement.get("stored").asText())))
                .build());
    }

    private static void requireVersion(String version) {
        String refusal = XapiVersion.refusal(version);
        if (refusal != null) {
            throw ProblemException.invalid(XapiVersion.HEADER, refusal);
        }
    }

    /** The versions this LRS serves. */
    public record About(List<String> version) {
    }
}
