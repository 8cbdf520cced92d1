package org.district.pd.credentials.issuer;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The district as an Open Badges issuer, public so that anyone holding one of its credentials can check it: the
 * issuer profile, its keys, the achievements, the revocation list and verification. Key rotation is a district
 * admin's.
 */
@Path("/api/v1/credentials")
public class IssuerResource {

    public record Token(String jwt) {
    }

    private final IssuerService service;
    private final IssuerKeys keys;

    IssuerResource(IssuerService service, IssuerKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    @GET
    @Path("/issuer")
    @PermitAll
    public ObjectNode issuer() {
        return service.profile();
    }

    @GET
    @Path("/issuer/jwks")
    @PermitAll
    @WithSession
    public Uni<Map<String, Object>> jwks() {
        return keys.published().map(set -> set.toJSONObject(true));
    }

    /** One key as a bare JWK: the credentials' header kid dereferences to it, as Open Badges 3.0 asks. */
    @GET
    @Path("/issuer/keys/{kid}")
    @PermitAll
    @WithSession
    public Uni<Map<String, Object>> key(@PathParam("kid") String kid) {
        return keys.publicKey(kid).map(key -> {
            if (key == null) {
                throw ProblemException.notFound("No issuer key " + kid);
            }
            return key.toJSONObject();
        });
    }

    /** A new key signs from now on; the older ones stay published. */
    @POST
    @Path("/issuer/keys/rotation")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "SecurityScheme")
    public Uni<Map<String, Object>> rotate() {
        return keys.rotate().map(key -> key.toPublicJWK().toJSONObject());
    }

    @GET
    @Path("/achievements")
    @PermitAll
    public Uni<List<ObjectNode>> achievements(@QueryParam("tag") String tag, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        String wanted = Parameters.optionalText("tag", tag, 60);
        if (wanted != null && !wanted.matches(DefinitionBody.Tag.PATTERN)) {
            throw ProblemException.invalid("tag", DefinitionBody.Tag.MESSAGE);
        }
        return service.achievements(wanted, paging.page(), paging.size());
    }

    @GET
    @Path("/achievements/{id}")
    @PermitAll
    public Uni<ObjectNode> achievement(@PathParam("id") String id) {
        return service.achievement(Parameters.uuid("id", id), null);
    }

    @GET
    @Path("/achievements/{id}/versions/{version}")
    @PermitAll
    public Uni<ObjectNode> achievementVersion(@PathParam("id") String id, @PathParam("version") String version) {
        return service.achievement(Parameters.uuid("id", id),
                Parameters.wholeNumber("version", version, 1, 1, 100_000));
    }

    @GET
    @Path("/revocations")
    @PermitAll
    public Uni<ObjectNode> revocations() {
        return service.revocations();
    }

    /** Verifies a VC-JWT sent as text, or as JSON {@code {"jwt": "..."}}. */
    @POST
    @Path("/verify")
    @PermitAll
    @Consumes(MediaType.TEXT_PLAIN)
    public Uni<VerificationView> verifyText(String token) {
        return service.verify(required(token));
    }

    @POST
    @Path("/verify")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VerificationView> verifyJson(JsonNode body) {
        if (body == null || !body.path("jwt").isTextual()) {
            throw ProblemException.invalid("jwt", "must be the VC-JWT as a string");
        }
        return service.verify(required(body.get("jwt").asText()));
    }

    private static String required(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("jwt", "must be the VC-JWT to verify");
        }
        if (token.length() > 200_000) {
            throw ProblemException.invalid("jwt", "is longer than 200,000 characters");
        }
        return token;
    }
}
