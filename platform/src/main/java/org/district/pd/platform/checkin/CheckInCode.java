package org.district.pd.platform.checkin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.district.pd.platform.problem.ProblemException;

/**
 * Check-in codes as TOTP (RFC 6238) derives them: six digits from an HMAC-SHA1 of the 30-second step number under the
 * session's own secret. The code of the step before is accepted too, so a code read off the screen just before it
 * rotates still works. Check-in is open from {@link #OPENS_BEFORE} before the start until the end, the same for a
 * workshop session (learning-service) and a community meeting (community-service).
 */
public final class CheckInCode {

    public static final int STEP_SECONDS = 30;
    /** Check-in opens this long before the start, for those who arrive early; it closes at the end. */
    public static final Duration OPENS_BEFORE = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckInCode() {
    }

    /** A new session's secret: 160 random bits, as RFC 4226 recommends for HMAC-SHA1. */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static Instant opensAt(Instant startsAt) {
        return startsAt.minus(OPENS_BEFORE);
    }

    /** A 409 unless {@code now} is within check-in of the {@code what} (session, meeting) from start to end. */
    public static void requireOpen(String what, Instant startsAt, Instant endsAt, Instant now) {
        if (now.isBefore(opensAt(startsAt))) {
            throw ProblemException.conflict("Check-in opens at " + opensAt(startsAt) + ", "
                    + OPENS_BEFORE.toMinutes() + " minutes before the " + what);
        }
        if (!now.isBefore(endsAt)) {
            throw ProblemException.conflict("Check-in closed when the " + what + " ended at " + endsAt);
        }
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** When the step that {@code time} falls in ends and the next code shows. */
    public static Instant rotatesAt(Instant time) {
        return Instant.ofEpochSecond((step(time) + 1) * STEP_SECONDS);
    }

    public static String at(byte[] secret, Instant time) {
        return code(secret, step(time));
    }

    /** Whether {@code code} is the current step's or the one before; compared in constant time. */
    public static boolean accepts(byte[] secret, String code, Instant now) {
        long step = step(now);
        return same(code(secret, step), code) | same(code(secret, step - 1), code);
    }

    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                    | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
