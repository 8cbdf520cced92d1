package org.district.pd.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: roles from the identity, and the district's claims {@code educator_id} and {@code school_ids}. */
@RequestScoped
public class Caller {

    public static final String EDUCATOR_ID_CLAIM = "educator_id";
    public static final String SCHOOL_IDS_CLAIM = "school_ids";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> educatorId() {
        return Optional.ofNullable(token.<Object>getClaim(EDUCATOR_ID_CLAIM)).map(Caller::text).flatMap(Caller::uuid);
    }

    public Set<UUID> schoolIds() {
        Set<UUID> schools = new LinkedHashSet<>();
        Object claim = token.getClaim(SCHOOL_IDS_CLAIM);
        if (claim instanceof JsonArray array) {
            array.forEach(value -> uuid(text(value)).ifPresent(schools::add));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> uuid(text(value)).ifPresent(schools::add));
        } else if (claim != null) {
            uuid(text(claim)).ifPresent(schools::add);
        }
        return schools;
    }

    /** The OAuth client the token was issued to, e.g. {@code lms-connector}: integrations are told apart by it. */
    public String clientId() {
        Object authorizedParty = token.getClaim("azp");
        return authorizedParty == null ? identity.getPrincipal().getName() : text(authorizedParty);
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        return String.valueOf(value);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
