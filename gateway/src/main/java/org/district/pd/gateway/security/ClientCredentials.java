package org.district.pd.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Trades a Keycloak confidential client's id and secret for an access token (the client credentials grant), so an
 * LMS that speaks xAPI with HTTP Basic is checked by Keycloak like any other caller. A token is reused for a short
 * while ({@code pd.gateway.basic.cache-ttl}, 60 s): a burst of statements costs Keycloak one exchange, and a secret
 * rotated or a client disabled there stops working here within that time. The realm's tokens live 5 minutes, well
 * beyond that. Entries are keyed by a hash of the id and secret, never by the secret itself; a refused exchange is not
 * kept.
 */
@ApplicationScoped
public class ClientCredentials {

    private static final Logger LOG = Logger.getLogger(ClientCredentials.class);
    private static final int MAX_ENTRIES = 10_000;

    private final WebClient http;
    private final String tokenUrl;
    private final long ttlNanos;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    ClientCredentials(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            @ConfigProperty(name = "pd.gateway.basic.cache-ttl", defaultValue = "60s") Duration ttl) {
        this.http = WebClient.create(vertx);
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
        this.ttlNanos = ttl.toNanos();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** An access token for the client, from the cache or from Keycloak; fails with 401 when Keycloak refuses. */
    public Uni<String> token(String clientId, String secret) {
        String key = key(clientId, secret);
        long now = System.nanoTime();
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.values().removeIf(old -> now - old.since() > ttlNanos);
        }
        // The exchange is lazy: building it in compute does no I/O, and callers racing on one key share it.
        Entry entry = tokens.compute(key, (same, old) -> old != null && now - old.since() <= ttlNanos ? old
                : new Entry(now, exchange(clientId, secret).memoize().indefinitely()));
        return entry.token().onFailure().invoke(() -> tokens.remove(key, entry));
    }

    private Uni<String> exchange(String clientId, String secret) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", clientId).add("client_secret", secret);
        return http.postAbs(tokenUrl).sendForm(form).map(response -> {
            if (response.statusCode() == 200) {
                return new JsonObject(response.bodyAsString()).getString("access_token");
            }
            if (response.statusCode() >= 500) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode()
                        + " to a client credentials grant");
            }
            LOG.debugf("Keycloak refused the credentials of client %s: %d", clientId, response.statusCode());
            throw new AuthenticationFailedException("the client id and secret were refused");
        });
    }

    private static String key(String clientId, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(clientId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A token being fetched or fetched, and since when (System.nanoTime). */
    private record Entry(long since, Uni<String> token) {
    }
}
