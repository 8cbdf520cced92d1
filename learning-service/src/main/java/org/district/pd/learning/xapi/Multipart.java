package org.district.pd.learning.xapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.ProblemException;

/**
 * The multipart/mixed bodies of xAPI (IEEE 9274.1.1 §4.1.3, docs/xapi-test-list.md 58): the statements as the first
 * part, in application/json, and each attachment's content as a later part, named by its SHA-2 in
 * X-Experience-API-Hash and sent as binary.
 */
public final class Multipart {

    public static final String MEDIA_TYPE = "multipart/mixed";
    static final String HASH = "X-Experience-API-Hash";
    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final byte[] CRLF = {'\r', '\n'};

    private Multipart() {
    }

    /** One part: its headers (names in lower case) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The parts of a multipart/mixed body, in order; a 400 when it is not one. */
    public static List<Part> parse(String contentType, byte[] body) {
        Matcher boundaryParameter = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundaryParameter == null || !boundaryParameter.find()) {
            throw ProblemException.invalid("Content-Type", "multipart/mixed needs its boundary parameter");
        }
        String boundary = boundaryParameter.group(1) != null ? boundaryParameter.group(1) : boundaryParameter.group(2);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed("no part starts with the boundary");
        }
        while (true) {
            int after = at + delimiter.length;
            if (startsWith(body, after, new byte[] {'-', '-'})) {
                return parts;
            }
            int headersStart = skipLine(body, after);
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart - 2);
            if (headersStart < 0 || headersEnd < 0) {
                throw malformed("a part's headers do not end with an empty line");
            }
            Map<String, String> headers = headers(new String(body, headersStart,
                    Math.max(0, headersEnd - headersStart), StandardCharsets.ISO_8859_1));
            int contentStart = headersEnd + 4;
            int next = indexOf(body, concat(CRLF, delimiter), contentStart);
            if (next < 0) {
                throw malformed("the last part is not closed by the boundary");
            }
            byte[] content = new byte[next - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(new Part(headers, content));
            at = next + 2;
        }
    }

    /** A multipart/mixed body of the JSON and then each part, with the boundary it names ({@link #contentType}). */
    public static byte[] compose(String boundary, String json, List<Part> attachments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n");
        for (Part part : attachments) {
            StringBuilder headers = new StringBuilder("--").append(boundary).append("\r\n");
            part.headers().forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
            write(out, headers.append("\r\n").toString());
            out.writeBytes(part.content());
            out.writeBytes(CRLF);
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    public static String newBoundary() {
        return "xapi-" + UUID.randomUUID();
    }

    public static String contentType(String boundary) {
        return MEDIA_TYPE + "; boundary=" + boundary;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static ProblemException malformed(String why) {
        return ProblemException.invalid("body", "is not a well-formed multipart/mixed body: " + why);
    }

    private static int skipLine(byte[] body, int from) {
        int end = indexOf(body, CRLF, from);
        return end < 0 ? -1 : end + 2;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        for (int i = Math.max(0, from); i + wanted.length <= body.length; i++) {
            if (startsWith(body, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
