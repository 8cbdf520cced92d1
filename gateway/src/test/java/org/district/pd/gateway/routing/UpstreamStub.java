package org.district.pd.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing in for the services: it echoes what reached it as JSON, streams a large report, serves an
 * OpenAPI document, or stays silent. The credentials route points at a port where nothing listens. The community route
 * has three instances: this server, a port where nothing listens, and a second server; each server names itself in
 * {@code X-Stub-Instance}.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    private static final int CHUNK = 64 * 1024;

    /** How long the slow report waits between its first and last line. */
    public static final long PAUSE_MS = 1500;

    /** The paths of the requests whose whole body reached the stub. */
    public static final Set<String> ENDED_BODIES = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String stub = listen("first");
        String second = listen("second");
        return Map.of("pd.gateway.routes.learning.url", stub,
                "pd.gateway.routes.plans.url", stub,
                "pd.gateway.routes.community.url", stub + ",http://localhost:" + unusedPort() + "," + second,
                "pd.gateway.routes.credentials.url", "http://localhost:" + unusedPort(),
                "pd.gateway.timeout", "2s");
    }

    private String listen(String instance) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            request.response().putHeader("X-Stub-Instance", instance);
            handle(request);
        }).listen(0, "localhost").toCompletionStage().toCompletableFuture().join();
        return "http://localhost:" + server.actualPort();
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** The report body the stub streams: {@code bytes} bytes of CSV, the same on every call. */
    public static byte[] report(int bytes) {
        StringBuilder csv = new StringBuilder(bytes + 32);
        for (int line = 0; csv.length() < bytes; line++) {
            csv.append("educator-").append(line).append(",1.5\n");
        }
        return csv.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private void handle(HttpServerRequest request) {
        if (request.path().endsWith("/silent")) {
            return;
        }
        if (request.path().equals("/q/openapi")) {
            JsonObject document = new JsonObject().put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "stub").put("version", "1"))
                    .put("x-query", request.query());
            request.response().putHeader("Content-Type", "application/json").end(document.encode());
        } else if (request.path().endsWith("/slow-report.csv")) {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/csv");
            response.write("educator,hours\n");
            vertx.setTimer(PAUSE_MS, fired -> response.end("educator-1,1.5\n"));
        } else if (request.path().endsWith("/report.csv")) {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/csv");
            write(response, report(Integer.parseInt(request.getParam("bytes"))), 0);
        } else {
            echo(request);
        }
    }

    private static void echo(HttpServerRequest request) {
        long started = System.nanoTime();
        MessageDigest digest = digest();
        AtomicLong size = new AtomicLong();
        request.handler(chunk -> {
            digest.update(chunk.getBytes());
            size.addAndGet(chunk.length());
        });
        request.endHandler(ended -> {
            ENDED_BODIES.add(request.path());
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT),
                    String.join(", ", request.headers().getAll(header.getKey()))));
            JsonObject received = new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                    .put("headers", headers).put("bodyBytes", size.get())
                    .put("bodySha256", HexFormat.of().formatHex(digest.digest()))
                    .put("bodyMillis", (System.nanoTime() - started) / 1_000_000);
            request.response().setStatusCode(202)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub-Answer", "echoed")
                    .putHeader("Connection", "X-Stub-Private")
                    .putHeader("X-Stub-Private", "for the next hop only")
                    .end(received.encode());
        });
    }

    private static void write(HttpServerResponse response, byte[] body, int from) {
        int at = from;
        while (at < body.length && !response.writeQueueFull()) {
            int end = Math.min(at + CHUNK, body.length);
            response.write(Buffer.buffer().appendBytes(body, at, end - at));
            at = end;
        }
        if (at == body.length) {
            response.end();
        } else {
            int next = at;
            response.drainHandler(drained -> write(response, body, next));
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
