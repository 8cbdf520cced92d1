package org.district.pd.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real access tokens from the local Keycloak realm {@code district}: demo users and the integration clients. */
public final class Tokens {

    public static final String WEB_CLIENT = "pd-web";
    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Access tokens live 5 minutes; a cached one is replaced a minute before it expires, so long tests keep going. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, long renewAtNanos) {

        boolean fresh() {
            return System.nanoTime() - renewAtNanos < 0;
        }
    }

    private Tokens() {
    }

    /** A demo user's token by password grant, e.g. {@code user("alice")} for a teacher. */
    public static String user(String username) {
        return cached("user:" + username, Map.of("grant_type", "password", "client_id", WEB_CLIENT,
                "username", username, "password", DEMO_PASSWORD));
    }

    public static String lmsConnector() {
        return client("lms-connector", "lms-connector-secret");
    }

    public static String hrConnector() {
        return client("hr-connector", "hr-connector-secret");
    }

    public static String client(String clientId, String secret) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String cached(String key, Map<String, String> form) {
        return CACHE.compute(key, (ignored, token) -> token != null && token.fresh() ? token : request(form)).value();
    }

    private static Token request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(LocalServers.keycloakUrl() + "/realms/district/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            long lifetime = token.path("expires_in").asLong(300);
            long renewIn = Math.max(10, lifetime - RENEW_BEFORE_EXPIRY.toSeconds());
            return new Token(token.get("access_token").asText(), System.nanoTime() + Duration.ofSeconds(renewIn).toNanos());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + LocalServers.keycloakUrl()
                    + "; start it with deploy/local/start.sh --infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
