package org.district.pd.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.web.CorrelationIds;
import org.district.pd.platform.web.StorableText;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.ForbiddenException;
import io.vertx.pgclient.PgException;

/** The one place where failures become application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Violation(field(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return respond(400, "Invalid request", "The request has " + violations.size() + " invalid field(s)", uri,
                violations);
    }

    /** The parser's own message names Java types and internals: the caller is told the field and what it must be. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            JsonLocation location = syntax.getLocation();
            String where = location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return respond(400, "Malformed JSON", "The body is not valid JSON" + where, uri, List.of());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String problem = fieldProblem(mapping);
            return respond(400, "Invalid request", "Field " + field + " " + problem, uri,
                    List.of(new Violation(field, problem)));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return respond(400, "Invalid request", "The body must be " + JsonTypes.describe(mismatch.getTargetType()),
                    uri, List.of());
        }
        return respond(400, "Invalid request", "The body does not have the expected shape", uri, List.of());
    }

    /** The parser's own error, wherever Jackson wrapped it; a number out of range is the field's problem, not syntax. */
    private static JsonProcessingException syntaxError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && !(cause instanceof InputCoercionException)) {
                return read;
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this request", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                // The JSON reader wraps some parse errors in a bare 400; the caller still learns where the body broke.
                return unreadableJson(json, uri);
            }
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        String title = status == null ? "HTTP " + e.getResponse().getStatus() : status.getReasonPhrase();
        // The framework's own message may name resource classes or parameters' Java types; it is not repeated.
        String detail = switch (e.getResponse().getStatus()) {
            case 404 -> "Nothing is served at this path";
            case 405 -> "This path does not accept that method";
            case 406 -> "None of the media types in Accept can be served here";
            case 415 -> "This path does not accept that Content-Type";
            default -> title;
        };
        return respond(e.getResponse().getStatus(), title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Outage.causedBy(e)) {
            // The database or broker is out, or a conflict that a retry resolves: nothing is wrong with the request.
            LOG.warnf("Service unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(503, "Service unavailable",
                    "A server this service depends on is unreachable; retry the request shortly", uri, List.of()))
                    .header("Retry-After", "5").build();
        }
        String dataException = sqlState(e, "22");
        if (dataException != null) {
            // A value the database cannot hold (a NUL in text, a number or date beyond its range) that no check caught.
            LOG.warnf("Rejected a value the database cannot store on %s (SQLSTATE %s)", uri.getPath(), dataException);
            return respond(400, "Invalid request", "A value in the request cannot be stored: check text for control "
                    + "characters and numbers and dates for their range", uri, List.of());
        }
        if (sqlState(e, "23") != null) {
            // Two requests raced for the same unique fact; the loser is told so instead of seeing a 500.
            return respond(409, "Conflict", "The request conflicts with data written at the same time; retry it",
                    uri, List.of());
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "Internal error", "The request failed on our side; quote the correlation id when reporting it",
                uri, List.of());
    }

    private Response respond(int status, String title, String detail, UriInfo uri, List<Violation> violations) {
        Object correlationId = MDC.get(CorrelationIds.MDC_KEY);
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(),
                correlationId == null ? null : correlationId.toString(), violations);
        try {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String fieldProblem(JsonMappingException e) {
        if (e instanceof StorableText.Unstorable) {
            return "must not contain a NUL character";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidTypeIdException) {
            return "has a missing or unknown type; the API documents the types it takes";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + JsonTypes.describe(mismatch.getTargetType());
        }
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return "must be " + JsonTypes.describe(outOfRange.getTargetType());
        }
        return "has the wrong type or format";
    }

    /** The SQLSTATE behind {@code failure} if of {@code sqlClass}: 22 is a data exception, 23 an integrity violation. */
    private static String sqlState(Throwable failure, String sqlClass) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The reactive client's own error, or Hibernate Reactive's JDBC-style wrapping of it.
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith(sqlClass)) {
                return state;
            }
        }
        return null;
    }

    /** Drops the method and parameter names so the field reads as it appears in the request body. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            // An element of a list of simple values ("<list element>") is named by its index alone.
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
