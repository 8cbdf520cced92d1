package org.district.pd.credentials.external;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.CredentialsConfig;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Finds the public key of another issuer's credential: the JWK its header embeds, or the one its kid URL dereferences
 * to (a bare JWK, as Open Badges 3.0 asks, or a JWKS holding it). Only http(s) kids are fetched, never from loopback
 * or private addresses unless configured (a teacher's upload must not make the service probe the district's own
 * network), with a 5 s timeout for an answer; an answer over 64 KB is refused, though only once it is read whole.
 */
@ApplicationScoped
public class PublishedKeys {

    private static final int MAX_BYTES = 64 * 1024;

    /** The key found, or why there is none. */
    public record Found(JWK key, ExternalCredential.Verification how, String detail) {
    }

    private final WebClient http;
    private final Vertx vertx;
    private final CredentialsConfig config;

    PublishedKeys(Vertx vertx, CredentialsConfig config) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000)
                .setFollowRedirects(false).setUserAgent("district-pd-credentials"));
        this.config = config;
    }

    public Uni<Found> of(JWSHeader header) {
        if (header.getJWK() != null) {
            if (header.getJWK().isPrivate()) {
                return Uni.createFrom().item(new Found(null, ExternalCredential.Verification.KEY_UNREACHABLE,
                        "the header's jwk holds a private key"));
            }
            return Uni.createFrom().item(new Found(header.getJWK(), ExternalCredential.Verification.EMBEDDED_KEY,
                    "signed with the key embedded in its own header"));
        }
        String kid = header.getKeyID();
        // Resolving the kid's host name blocks: off the event loop.
        return vertx.executeBlocking(Uni.createFrom().item(() -> fetchable(kid))).flatMap(url -> url.isEmpty()
                ? Uni.createFrom().item(unreachable("the kid " + kid + " is not an http(s) URL this service may "
                        + "fetch"))
                : fetch(kid, url.get()));
    }

    private Uni<Found> fetch(String kid, URI url) {
        return http.getAbs(url.toString()).timeout(Duration.ofSeconds(5).toMillis()).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return unreachable(kid + " answered " + response.statusCode());
                    }
                    if (response.body() == null || response.body().length() > MAX_BYTES) {
                        return unreachable(kid + " answered no key, or more than " + MAX_BYTES + " bytes");
                    }
                    return parse(kid, response.bodyAsString());
                })
                .onFailure().recoverWithItem(e -> unreachable(kid + " could not be fetched: " + e.getMessage()));
    }

    private static Found parse(String kid, String body) {
        try {
            JsonObject json = new JsonObject(body);
            if (json.containsKey("keys")) {
                JWKSet set = JWKSet.parse(body);
                String fragment = kid.contains("#") ? kid.substring(kid.indexOf('#') + 1) : null;
                JWK key = fragment != null ? set.getKeyByKeyId(fragment)
                        : set.getKeys().size() == 1 ? set.getKeys().get(0) : null;
                return key == null ? unreachable(kid + " is a key set without the key") : verified(key);
            }
            return verified(JWK.parse(body));
        } catch (ParseException | RuntimeException e) {
            return unreachable(kid + " does not hold a JWK: " + e.getMessage());
        }
    }

    private static Found verified(JWK key) {
        return key.isPrivate() ? unreachable("the published key is a private key")
                : new Found(key, ExternalCredential.Verification.VERIFIED, null);
    }

    private static Found unreachable(String detail) {
        return new Found(null, ExternalCredential.Verification.KEY_UNREACHABLE, detail);
    }

    private Optional<URI> fetchable(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(kid);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Optional.empty();
            }
            if (!config.imports().allowPrivateAddresses()) {
                // The name is resolved again by the client; a name that resolves to a public address here and a
                // private one there is the rebinding this does not cover, and the reason imports need no more.
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                            || address.isAnyLocalAddress()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null));
        } catch (java.net.URISyntaxException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
