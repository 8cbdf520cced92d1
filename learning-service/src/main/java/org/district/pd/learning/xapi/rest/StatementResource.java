package org.district.pd.learning.xapi.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.district.pd.learning.xapi.Attachments;
import org.district.pd.learning.xapi.Multipart;
import org.district.pd.learning.xapi.StatementParser;
import org.district.pd.learning.xapi.StatementQuery;
import org.district.pd.learning.xapi.StatementService;
import org.district.pd.learning.xapi.XapiVersion;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper mapper;
    private final int maxPage;

    StatementResource(StatementService statements, Caller caller, ObjectMapper mapper,
            @ConfigProperty(name = "pd.xapi.max-page", defaultValue = "100") int maxPage) {
        this.statements = statements;
        this.caller = caller;
        this.mapper = mapper;
        this.maxPage = maxPage;
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
        return put(version, uri, body, Map.of());
    }

    /** The same, with attachments' contents as the parts after the statement's. */
    @PUT
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(Multipart.MEDIA_TYPE)
    public Uni<Response> putWithAttachments(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        requireVersion(version);
        Sent sent = Sent.multipart(contentType, body);
        return put(version, uri, sent.json(), sent.contents());
    }

    private Uni<Response> put(String version, UriInfo uri, String body, Map<String, Attachments.Content> contents) {
        requireVersion(version);
        requireOnly(uri, Set.of("statementId"));
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
        return statements.store(caller.clientId(), sent, contents)
                .map(stored -> Response.noContent().build());
    }

    @POST
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri, String body) {
        return post(version, uri, body, Map.of());
    }

    /** The same, with attachments' contents as the parts after the statements'. */
    @POST
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(Multipart.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> postWithAttachments(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        requireVersion(version);
        Sent sent = Sent.multipart(contentType, body);
        return post(version, uri, sent.json(), sent.contents());
    }

    private Uni<Response> post(String version, UriInfo uri, String body, Map<String, Attachments.Content> contents) {
        requireVersion(version);
        requireOnly(uri, Set.of());
        return statements.store(caller.clientId(), StatementParser.statements(body), contents)
                .map(ids -> Response.ok(ids.stream().map(UUID::toString).toList()).build());
    }

    /** Statements come as application/json or multipart/mixed; any other type is a 400 (XAPI-00127). */
    @PUT
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> putOtherwise(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        throw wrongType(contentType);
    }

    @POST
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> postOtherwise(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        throw wrongType(contentType);
    }

    private static ProblemException wrongType(String contentType) {
        return ProblemException.invalid(HttpHeaders.CONTENT_TYPE, (contentType == null ? "is required" : "is "
                + contentType) + ": statements come as application/json, or multipart/mixed with attachments");
    }

    /** A multipart/mixed request's statements (the first part, rule 58) and its attachments' contents by SHA-2. */
    private record Sent(String json, Map<String, Attachments.Content> contents) {

        static Sent multipart(String contentType, byte[] body) {
            List<Multipart.Part> parts = Multipart.parse(contentType, body);
            String type = parts.isEmpty() ? null : parts.get(0).headers().get("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
                throw ProblemException.invalid("parts[0].Content-Type", "the first part holds the statements, as "
                        + "application/json");
            }
            return new Sent(new String(parts.get(0).content(), StandardCharsets.UTF_8),
                    Attachments.contents(parts.subList(1, parts.size())));
        }
    }

    /** Rule 85: a parameter the request does not take is a 400, not ignored. */
    private static void requireOnly(UriInfo uri, Set<String> taken) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!taken.contains(name)) {
                throw ProblemException.invalid(name, "is not a parameter of this request");
            }
        }
    }

    /**
     * One statement by statementId or voidedStatementId, or a StatementResult of those that match a query. HEAD
     * answers the same without the body.
     */
    @GET
    @Path("/statements")
    @RolesAllowed(Roles.LMS_INTEGRATION)
    @Produces({MediaType.APPLICATION_JSON, Multipart.MEDIA_TYPE})
    public Uni<Response> get(@HeaderParam(XapiVersion.HEADER) String version, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        requireVersion(version);
        Map<String, List<String>> parameters = new HashMap<>(uri.getQueryParameters());
        List<Locale> languages = headers.getAcceptableLanguages();
        if (!parameters.containsKey("statementId") && !parameters.containsKey("voidedStatementId")) {
            StatementQuery query = StatementQuery.of(parameters, maxPage);
            return statements.query(caller.clientId(), query, languages).flatMap(page -> respond(
                    new StatementResult(page.statements(), page.more()), page.statements(), page.lastModified(),
                    query.attachments()));
        }
        if (parameters.containsKey("statementId") && parameters.containsKey("voidedStatementId")) {
            throw ProblemException.invalid("voidedStatementId", "goes without statementId");
        }
        for (String name : parameters.keySet()) {
            if (!BY_ID.contains(name)) {
                throw ProblemException.invalid(name, "goes with neither statementId nor voidedStatementId");
            }
        }
        boolean voided = parameters.containsKey("voidedStatementId");
        String idName = voided ? "voidedStatementId" : "statementId";
        UUID id = Parameters.uuid(idName, parameters.remove(idName).get(0));
        StatementQuery options = StatementQuery.of(parameters, maxPage);
        return statements.find(caller.clientId(), id, voided, options.format(), languages)
                .flatMap(statement -> respond(statement, List.of(statement),
                        Instant.parse(statement.get("stored").asText()), options.attachments()));
    }

    /**
     * JSON, or with {@code attachments=true} multipart/mixed: the same JSON first, then the content of each attachment
     * of the statements (those sent as parts; one by fileUrl has none here).
     */
    private Uni<Response> respond(Object body, List<JsonNode> returned, Instant lastModified, boolean attachments) {
        Uni<Response.ResponseBuilder> response;
        if (attachments) {
            response = statements.attachmentsOf(caller.clientId(), returned).map(contents -> {
                String boundary = Multipart.newBoundary();
                List<Multipart.Part> parts = contents.stream().map(content -> new Multipart.Part(Map.of(
                        "Content-Type", content.contentType(), "Content-Transfer-Encoding", "binary",
                        "X-Experience-API-Hash", content.sha2()), content.bytes())).toList();
                return Response.ok(Multipart.compose(boundary, json(body), parts), Multipart.contentType(boundary));
            });
        } else {
            response = Uni.createFrom().item(Response.ok(body, MediaType.APPLICATION_JSON));
        }
        return response.map(built -> {
            if (lastModified != null) {
                built.lastModified(Date.from(lastModified));
            }
            return built.build();
        });
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement result is always JSON", e);
        }
    }

    private static void requireVersion(String version) {
        String refusal = XapiVersion.refusal(version);
        if (refusal != null) {
            throw ProblemException.invalid(XapiVersion.HEADER, refusal);
        }
    }

    /** A page of statements, and the relative link to the next page ("" when this is the last). */
    public record StatementResult(List<JsonNode> statements, String more) {
    }

    /** The versions this LRS serves. */
    public record About(List<String> version) {
    }
}
