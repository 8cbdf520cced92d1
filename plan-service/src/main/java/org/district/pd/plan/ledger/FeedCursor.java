package org.district.pd.plan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.ProblemException;

/** A place in the ledger's commit order: after the entry at this position of the feed. */
public record FeedCursor(long position) {

    /** Before the first entry. */
    public static final FeedCursor START = new FeedCursor(0);
    private static final Pattern PLAIN = Pattern.compile("p:(\\d{1,18})");

    /** Opaque to callers. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code cursor} query parameter: absent to read from the start, or else one the feed handed out. */
    public static FeedCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        if (cursor.length() <= 40) {
            try {
                Matcher plain = PLAIN.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                if (plain.matches()) {
                    return new FeedCursor(Long.parseLong(plain.group(1)));
                }
            } catch (IllegalArgumentException e) {
                // not base64: answered below, like any cursor the feed did not hand out
            }
        }
        throw ProblemException.invalid("cursor", "must be the nextCursor of an earlier answer of this feed");
    }
}
