package org.district.pd.learning.xapi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The X-Experience-API-Version rules (docs/xapi-test-list.md 90-92): requests name 2.0 or a 2.0.x, or a 1.0.x the
 * 1.0.3 rules serve; every response names 2.0.0; /about lists the latest patch of each major version served.
 */
public final class XapiVersion {

    public static final String HEADER = "X-Experience-API-Version";
    public static final String LATEST = "2.0.0";
    public static final List<String> SERVED = List.of("2.0.0", "1.0.3");
    private static final Pattern ACCEPTED = Pattern.compile("^(?:2\\.0|2\\.0\\.\\d+|1\\.0\\.\\d+)$");

    private XapiVersion() {
    }

    /** Why the request's version header is refused, or null when it is accepted. */
    public static String refusal(String header) {
        if (header == null || header.isBlank()) {
            return "the " + HEADER + " header is required: 2.0.0, or 1.0.x";
        }
        if (!ACCEPTED.matcher(header.strip()).matches()) {
            return "xAPI version " + header.strip() + " is not served here: 2.0.0, or 1.0.x";
        }
        return null;
    }
}
