package org.district.pd.platform.inbox;

/** Makes text from a Kafka record safe to log: control characters escaped (no forged lines), length bounded. */
final class LogSafe {

    static final int MAX_LENGTH = 500;

    private LogSafe() {
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < value.length() && safe.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (safe.length() >= MAX_LENGTH && value.length() > MAX_LENGTH) {
            safe.append("...");
        }
        return safe.toString();
    }
}
