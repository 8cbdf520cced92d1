package org.district.pd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The gateway and Keycloak, over HTTP/1.1 as an LMS or a dashboard would call them. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Settings settings;

    Http(Settings settings) {
        this.settings = settings;
    }

    Token client(String id, String secret) {
        return new Token(id, "grant_type=client_credentials&client_id=" + enc(id) + "&client_secret=" + enc(secret));
    }

    Token user(String name) {
        return new Token(name, "grant_type=password&client_id=pd-web&username=" + enc(name) + "&password=demo");
    }

    /** A Keycloak access token, fetched again a minute before it expires. */
    final class Token {
        private final String name;
        private final String form;
        private String value;
        private long refreshAt;

        private Token(String name, String form) {
            this.name = name;
            this.form = form;
        }

        synchronized String bearer() {
            if (value == null || System.nanoTime() - refreshAt >= 0) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(settings.keycloak()
                                + "/realms/district/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                HttpResponse<String> response = send(request);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("token for " + name + ": HTTP " + response.statusCode());
                }
                JsonNode body = parse(response.body());
                value = body.path("access_token").asText();
                refreshAt = System.nanoTime() + Duration.ofSeconds(Math.max(10, body.path("expires_in").asLong(300) - 60))
                        .toNanos();
            }
            return "Bearer " + value;
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.gateway() + path)).timeout(Duration.ofSeconds(120));
    }

    HttpRequest.Builder json(Token token, String path) {
        return request(path).header("Authorization", token.bearer()).header("Content-Type", "application/json");
    }

    HttpRequest.Builder xapi(String clientId, String secret, String path) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return request(path).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and expects the status, or fails with what the service answered. */
    JsonNode expect(HttpRequest request, int status, String what) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
