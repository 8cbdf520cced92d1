package org.district.pd.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.district.pd.platform.testing.LocalServers;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm every token comes from: short-lived access tokens, refresh tokens for people, brute-force detection. */
class RealmPolicyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void peopleGetFiveMinuteAccessTokensAndARefreshTokenThatRenewsThem() throws Exception {
        HttpResponse<String> login = token(Map.of("grant_type", "password", "client_id", Tokens.WEB_CLIENT,
                "username", "alice", "password", Tokens.DEMO_PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(login.body());
        assertThat(tokens.path("expires_in").asInt()).isBetween(1, 300);
        assertThat(tokens.path("refresh_token").asText()).isNotEmpty();

        HttpResponse<String> renewed = token(Map.of("grant_type", "refresh_token", "client_id", Tokens.WEB_CLIENT,
                "refresh_token", tokens.path("refresh_token").asText()));
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(renewed.body()).path("access_token").asText()).isNotEmpty();
    }

    @Test
    void machineClientsGetFiveMinuteAccessTokensToo() throws Exception {
        HttpResponse<String> login = token(Map.of("grant_type", "client_credentials", "client_id", "lms-connector",
                "client_secret", "lms-connector-secret"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).path("expires_in").asInt()).isBetween(1, 300);
    }

    /**
     * mallory exists for this test alone: wrong passwords in quick succession lock her out, so the right one is refused
     * too, for a minute at least (Keycloak answers a locked account as it answers a wrong password).
     */
    @Test
    void fiveWrongPasswordsLockAnAccountForAWhile() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = token(Map.of("grant_type", "password", "client_id", Tokens.WEB_CLIENT,
                    "username", "mallory", "password", "guess-" + attempt));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("invalid_grant");
        }
        HttpResponse<String> right = token(Map.of("grant_type", "password", "client_id", Tokens.WEB_CLIENT,
                "username", "mallory", "password", Tokens.DEMO_PASSWORD));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(400);
        assertThat(right.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    private static HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(
                URI.create(LocalServers.keycloakUrl() + "/realms/district/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
