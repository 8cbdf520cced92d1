package org.district.pd.learning.xapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Attachments (docs/xapi-test-list.md 56-58): an attachment without a fileUrl travels as a multipart/mixed part named
 * by its SHA-2, which must be the hash of the part's content. Every such attachment needs its part, and every part an
 * attachment. Contents are kept once per client and hash, in the statements' transaction, and come back to that client
 * with attachments=true.
 */
@ApplicationScoped
public class Attachments {

    private static final String INSERT = """
            insert into xapi_attachment (client_id, sha2, content_type, length, content, stored)
            values (:client, :sha2, :contentType, :length, :content, :stored)
            on conflict (client_id, sha2) do nothing""";

    /** One attachment's content, with its type and hash. */
    public record Content(String sha2, String contentType, byte[] bytes) {
    }

    /**
     * The contents of the parts after the statements', by hash, each checked against its hash; a 400 names the part
     * whose hash is missing or wrong.
     */
    public static Map<String, Content> contents(List<Multipart.Part> parts) {
        Map<String, Content> contents = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Multipart.Part part = parts.get(i);
            String at = "parts[" + (i + 1) + "]";
            String hash = part.header(Multipart.HASH);
            String encoding = part.header("Content-Transfer-Encoding");
            if (hash == null || hash.isBlank()) {
                violations.add(new Violation(at + "." + Multipart.HASH, "is required: the SHA-2 of the content"));
            } else if (!hash.strip().toLowerCase(Locale.ROOT).equals(sha2(part.content(), hash.strip().length()))) {
                violations.add(new Violation(at + "." + Multipart.HASH, "is not the SHA-2 (256, 384 or 512) of the "
                        + "part's content"));
            } else if (encoding != null && !encoding.equalsIgnoreCase("binary")) {
                violations.add(new Violation(at + ".Content-Transfer-Encoding", "must be binary"));
            } else {
                String sha2 = hash.strip().toLowerCase(Locale.ROOT);
                String type = part.header("Content-Type");
                contents.put(sha2, new Content(sha2, type == null ? "application/octet-stream" : type,
                        part.content()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return contents;
    }

    /**
     * Rules 57 and 58: each attachment of these statements without a fileUrl has its part among {@code contents}, and
     * each part is an attachment of one of them.
     */
    static List<Violation> violations(List<JsonNode> statements, Map<String, Content> contents) {
        List<Violation> violations = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            String prefix = statements.size() == 1 ? "" : "statements[" + i + "].";
            JsonNode statement = statements.get(i);
            check(statement.path("attachments"), prefix + "attachments", contents, named, violations);
            check(statement.path("object").path("attachments"), prefix + "object.attachments", contents, named,
                    violations);
        }
        contents.keySet().stream().filter(sha2 -> !named.contains(sha2)).forEach(sha2 -> violations.add(
                new Violation(Multipart.HASH, "no attachment of the statements has the sha2 " + sha2)));
        return violations;
    }

    private static void check(JsonNode attachments, String path, Map<String, Content> contents, Set<String> named,
            List<Violation> violations) {
        for (int j = 0; j < attachments.size(); j++) {
            JsonNode attachment = attachments.get(j);
            String sha2 = attachment.path("sha2").asText().toLowerCase(Locale.ROOT);
            named.add(sha2);
            if (!attachment.has("fileUrl") && !contents.containsKey(sha2)) {
                violations.add(new Violation(path + "[" + j + "].sha2", "names no part of the request: send its "
                        + "content as a multipart/mixed part with this X-Experience-API-Hash, or give a fileUrl"));
            }
        }
    }

    /** The hashes of the attachments these statements carry, in order, once each. */
    static Set<String> named(Collection<JsonNode> statements) {
        Set<String> named = new LinkedHashSet<>();
        for (JsonNode statement : statements) {
            List.of(statement.path("attachments"), statement.path("object").path("attachments")).forEach(list ->
                    list.forEach(attachment -> named.add(attachment.path("sha2").asText().toLowerCase(Locale.ROOT))));
        }
        return named;
    }

    /** Keeps the contents a client sent, once per client and hash: they are that client's to read back. */
    Uni<Void> store(String clientId, Collection<Content> contents, Instant now) {
        return Multi.createFrom().iterable(contents).onItem().transformToUniAndConcatenate(content ->
                Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("client", clientId)
                        .setParameter("sha2", content.sha2())
                        .setParameter("contentType", content.contentType())
                        .setParameter("length", (long) content.bytes().length)
                        .setParameter("content", content.bytes())
                        .setParameter("stored", now)
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    /**
     * The contents of these hashes the client sent, those there are, in the order asked: another client's content is
     * not returned, even to a statement that names its hash by fileUrl.
     */
    public Uni<List<Content>> find(String clientId, Collection<String> sha2s) {
        if (sha2s.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select sha2, content_type, content from xapi_attachment where client_id = :client and sha2 in "
                        + "(:sha2s)", Object[].class)
                .setParameter("client", clientId)
                .setParameter("sha2s", sha2s)
                .getResultList())
                .map(rows -> {
                    Map<String, Content> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put((String) row[0], new Content((String) row[0], (String) row[1],
                            (byte[]) row[2])));
                    return sha2s.stream().filter(found::containsKey).map(found::get).toList();
                });
    }

    private static String sha2(byte[] content, int hexLength) {
        String algorithm = switch (hexLength) {
            case 64 -> "SHA-256";
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> null;
        };
        if (algorithm == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
