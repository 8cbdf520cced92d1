package org.district.pd.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the input a careless or hostile client sends: odd text, huge numbers, odd dates, control characters, long
 * strings, wrong JSON types, unknown fields and malformed JSON. Seeded, so a failing run can be repeated exactly.
 */
final class BadInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Field names our request bodies use, so hand-parsed bodies (e.g. completion items) meet their own names. */
    private static final List<String> FIELD_NAMES = List.of("externalId", "learner", "email", "sisId", "lmsAccount",
            "lmsCourseId", "offeringId", "completedAt", "creditHours", "title", "description", "format", "category",
            "creditType", "durationMinutes", "lms", "courseId", "lmsCourses", "variableCredit", "maxCreditHours",
            "items", "id", "status", "from", "to", "size", "page", "schoolId", "educatorId", "name", "tags");

    private static final List<String> ODD_TEXT = List.of("", " ", "null", "0", "-1", "1.5", "NaN", "Infinity",
            "99999999999999999999999999", "-9223372036854775809", "1e309", "0x1F",
            "2026-02-30", "0000-00-00", "+999999999-12-31", "-999999999-01-01", "1999-12-31", "2101-01-01",
            "2026-11-02T15:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-02T25:61:00+99:00", "1970-01-01",
            "not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffg",
            "\u0000", "nul\u0000inside", "\u0001\u0002\u001b[31m", "line\r\nbreak", "tab\there", "\u2028\u2029",
            "ünïcödé 😀", "\uD800", "<script>alert(1)</script>", "'; drop table educator; --", "%00", "%",
            "../../../etc/passwd", "=HYPERLINK(\"http://x.example\")", "@SUM(A1)", "true", "[]", "{}", "\"quoted\"",
            "pending", "all", "csv", "json", "demo-lms", "LMS-FA-101", "grace");

    /**
     * Characters a body shaped by a schema may take: arrays of a thousand items nested in one another (a template's
     * stages of milestones) would otherwise make bodies of gigabytes; a batch of 5,000 items still fits. Past it,
     * arrays stop growing.
     */
    private static final long BODY_BUDGET = 30_000_000;

    private final Random random;
    private long budget;

    BadInput(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Odd text, a long string, a UUID or a number, as a JSON string might hold. */
    String text() {
        return text(20_000);
    }

    /**
     * The same, at most {@code longest} characters long when long: a URL stays under the 4 KB request line that HTTP
     * servers take (a longer one is refused with a 414 before any service sees it).
     */
    String text(int longest) {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(longest));
            case 1 -> UUID.randomUUID().toString();
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Integer.toString(random.nextInt(1_000));
            default -> pick(ODD_TEXT);
        };
    }

    /** A plausible value for a parameter of the documented type, or anything at all. */
    String parameter(String type, String format) {
        if (chance(0.6)) {
            return text(1_000);
        }
        return switch (type) {
            case "integer", "number" -> Integer.toString(random.nextInt(500) - 100);
            case "boolean" -> Boolean.toString(random.nextBoolean());
            default -> format.equals("uuid") ? UUID.randomUUID().toString()
                    : format.equals("date") ? "20" + (10 + random.nextInt(20)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10)
                    : text(1_000);
        };
    }

    /** Any JSON value, weighted toward the troublesome ones; {@code depth} bounds nesting. */
    JsonNode value(int depth) {
        return switch (random.nextInt(depth > 2 ? 8 : 12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L)));
            case 3 -> NODES.numberNode(new BigDecimal(pick(List.of("1e308", "-1e400", "0.000000001",
                    "123456789012345678901234567890.5", "1.5", "-0.0"))));
            case 4, 5, 6, 7 -> NODES.textNode(text());
            case 8, 9 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth + 1));
                }
                yield array;
            }
            default -> object(depth + 1);
        };
    }

    /** An object with some of our field names and an unknown one or two, each holding any value. */
    ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            object.set(chance(0.8) ? pick(FIELD_NAMES) : "unknown" + random.nextInt(100), value(depth));
        }
        return object;
    }

    /**
     * A body shaped by the schema with some fields given the wrong type or an odd value, fields dropped, unknown ones
     * added; arrays of items get one, a few, or far more than any batch may hold.
     */
    JsonNode shaped(OpenApiOperations.Operation operation, JsonNode schema, int depth) {
        if (depth == 0) {
            budget = BODY_BUDGET;
        }
        JsonNode resolved = operation.resolve(schema);
        if (depth > 4 || chance(0.15) || budget <= 0) {
            JsonNode any = value(depth);
            budget -= any.toString().length();
            return any;
        }
        switch (resolved.path("type").asText("")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!chance(0.1)) {
                        object.set(field.getKey(), shaped(operation, field.getValue(), depth + 1));
                    }
                }
                if (chance(0.3)) {
                    object.set("unknown" + random.nextInt(100), value(depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = chance(0.1) ? 1_001 + random.nextInt(4_000) : random.nextInt(4);
                for (int i = 0; i < items && budget > 0; i++) {
                    array.add(shaped(operation, resolved.path("items"), depth + 1));
                }
                return array;
            }
            case "string" -> {
                String text = resolved.has("enum") && chance(0.5) ? pick(enumValues(resolved)) : text();
                budget -= text.length();
                return NODES.textNode(text);
            }
            case "integer", "number" -> {
                return chance(0.5) ? NODES.numberNode(random.nextInt(100)) : value(depth);
            }
            case "boolean" -> {
                return chance(0.5) ? NODES.booleanNode(random.nextBoolean()) : value(depth);
            }
            default -> {
                return object(depth + 1);
            }
        }
    }

    /** A copy of a valid body with one value replaced by any value, or one field dropped or added. */
    JsonNode spoiled(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(copy, containers);
        JsonNode target = pick(containers);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || chance(0.15)) {
                object.set(chance(0.5) ? pick(FIELD_NAMES) : "unknown" + random.nextInt(100), value(1));
            } else if (chance(0.15)) {
                object.remove(pick(names));
            } else {
                object.set(pick(names), chance(0.6) ? NODES.textNode(text()) : value(1));
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value(1));
        }
        return copy;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, containers));
        }
    }

    /** Text that is not JSON, or JSON cut short or spoiled. */
    String malformedJson(String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> valid + pick(List.of("}", "]", ",", "garbage", "{}"));
            case 2 -> "\uFEFF" + valid;
            case 3 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 4 -> "{\"a\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_001);
            case 5 -> pick(List.of("", "{", "}", "{\"a\":}", "{'single':'quotes'}", "{a:1}", "nul", "tru", "--1"));
            case 6 -> "\"" + "x".repeat(100_000);
            default -> new String(bytes(1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
        };
    }

    /** A CSV file with our column names, odd cells and odd lines. */
    String csv() {
        StringBuilder csv = new StringBuilder(chance(0.5)
                ? "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName,email\n"
                : "sourcedId,name,type," + text() + "\n");
        for (int row = random.nextInt(5); row > 0; row--) {
            for (int cell = random.nextInt(12); cell > 0; cell--) {
                csv.append(chance(0.2) ? "\"" + text() : text().replace("\n", "")).append(chance(0.9) ? "," : ";");
            }
            csv.append(chance(0.8) ? "\n" : "\r");
        }
        return csv.toString();
    }

    /** An HR license file: its header (or most of it) and rows of plausible and odd values, of no demo educator. */
    String licensesCsv() {
        StringBuilder csv = new StringBuilder(chance(0.8)
                ? "sourcedId,educatorId,profile,licenseType,licenseNumber,issuedOn,expiresOn\n"
                : "sourcedId,profile,licenseType,issuedOn\n");
        for (int row = random.nextInt(6); row > 0; row--) {
            List<String> cells = List.of(chance(0.5) ? "gen-" + random.nextInt(1_000_000) : text().replace("\n", ""),
                    chance(0.5) ? "" : text().replace("\n", ""), pick(List.of("TX", "PA", "IL", "ZZ", text())),
                    text().replace("\n", ""), text().replace("\n", ""),
                    pick(List.of("2024-08-01", "2024-02-30", "1900-01-01", text())),
                    pick(List.of("", "2029-07-31", "2024-07-31", "2090-01-01", text())));
            for (String cell : cells) {
                csv.append(chance(0.1) ? "\"" + cell : cell.replace(",", "")).append(',');
            }
            csv.append(chance(0.8) ? "\n" : "\r");
        }
        return csv.toString();
    }

    /** A zip of odd CSV files, or bytes that only start like a zip. */
    byte[] zip() {
        if (chance(0.3)) {
            byte[] junk = bytes(10 + random.nextInt(500));
            junk[0] = 'P';
            junk[1] = 'K';
            return junk;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("orgs.csv", "users.csv", "../" + encodable(text().replace("\u0000", "")))) {
                if (chance(0.7)) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(csv().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return bytes.toByteArray();
    }

    /** {@code text} as a zip entry name can hold it: a lone surrogate cannot be written in UTF-8, so becomes '?'. */
    private static String encodable(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<String> enumValues(JsonNode schema) {
        return StreamSupport.stream(schema.path("enum").spliterator(), false).map(JsonNode::asText)
                .toList();
    }
}
