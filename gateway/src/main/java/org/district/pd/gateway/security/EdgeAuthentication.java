package org.district.pd.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's one way in: a bearer token, checked by quarkus-oidc. Under /xapi an LMS may instead send HTTP Basic
 * with its Keycloak client id and secret (xAPI 1.0.3 §4.0 names Basic): those are traded for the client's token, the
 * request then carries that token as a bearer, and it is checked, and forwarded, like any other. The services behind
 * only ever see bearer tokens.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class EdgeAuthentication implements HttpAuthenticationMechanism {

    private static final String XAPI = "/xapi/";
    private static final String BASIC = "basic ";

    private final OidcAuthenticationMechanism oidc;
    private final ClientCredentials clients;

    EdgeAuthentication(OidcAuthenticationMechanism oidc, ClientCredentials clients) {
        this.oidc = oidc;
        this.clients = clients;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())
                || !context.normalizedPath().startsWith(XAPI)) {
            return oidc.authenticate(context, identities);
        }
        String[] credentials = credentials(authorization.substring(BASIC.length()).strip());
        if (credentials == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Basic credentials are not "
                    + "base64 of client-id:secret"));
        }
        return clients.token(credentials[0], credentials[1]).flatMap(token -> {
            context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return oidc.authenticate(context, identities);
        });
    }

    /** The client id and secret of a Basic header's value, or null when it is not base64 of id:secret. */
    static String[] credentials(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return null;
        }
        return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }
}
