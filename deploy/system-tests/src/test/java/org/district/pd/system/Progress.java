package org.district.pd.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What a system test does, printed as it happens with the UTC time of day, so a run's log tells what died when. */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Progress() {
    }

    static void print(String format, Object... args) {
        System.out.printf("[%s] %s%n", time(Instant.now()), format.formatted(args));
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
