package org.district.pd.plan.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.district.pd.platform.problem.ProblemException;

/** Where the next page of a report starts: after this educator, in report order (family name, given name, id). */
public record ReportCursor(String familyName, String givenName, UUID id) {

    private static final int MAX_LENGTH = 2_000;
    private static final String SEPARATOR = "\u0000";

    static ReportCursor after(EducatorHours educator) {
        return new ReportCursor(educator.familyName(), educator.givenName(), educator.educatorId());
    }

    /** Opaque to callers; PostgreSQL text cannot hold NUL, so NUL separates the parts safely. */
    public String encode() {
        String plain = familyName + SEPARATOR + givenName + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code cursor} query parameter: absent for the first page, or else one this report handed out. */
    public static ReportCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() <= MAX_LENGTH) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split(SEPARATOR, -1);
                if (parts.length == 3) {
                    return new ReportCursor(parts[0], parts[1], UUID.fromString(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                // not base64, or no UUID at its end: answered below, like any cursor this report did not hand out
            }
        }
        throw ProblemException.invalid("cursor", "must be the nextCursor of an earlier page of this report");
    }
}
