package org.district.pd.plan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.ProblemException;

/** A place in the ledger's commit order: after the entry of this sequence number written by this transaction. */
public record FeedCursor(long transaction, long sequence) {

    private static final Pattern PLAIN = Pattern.compile("v1:(\\d{1,19}):(\\d{1,19})");

    /** Opaque to callers. */
    public String encode() {
        String plain = "v1:" + transaction + ":" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code cursor} query parameter: absent to read from the start, or else one the feed handed out. */
    public static FeedCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() <= 80) {
            try {
                Matcher plain = PLAIN.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                if (plain.matches()) {
                    return new FeedCursor(Long.parseLong(plain.group(1)), Long.parseLong(plain.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // not base64, or a number past a long: answered below, like any cursor the feed did not hand out
            }
        }
        throw ProblemException.invalid("cursor", "must be the nextCursor of an earlier answer of this feed");
    }
}
