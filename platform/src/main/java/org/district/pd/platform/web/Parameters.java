package org.district.pd.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.ProblemException;

/**
 * Reads path and query parameters taken as text: a wrong type or a huge number is then a 400 naming the parameter,
 * where Jakarta REST's own conversion would answer 404 as if the path did not exist.
 */
public final class Parameters {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Parameters() {
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, or {@code absent} when it is not given. */
    public static int wholeNumber(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number, or beyond int: the same answer as a number out of range
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /**
     * {@code value} as text of at most {@code maxLength} characters that the database can store, or null when it is
     * not given.
     */
    public static String optionalText(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength || !StorableText.storable(value)) {
            throw ProblemException.invalid(name, "must be text of at most " + maxLength + " characters, without NUL");
        }
        return value;
    }

    /** {@code value} as a UUID in its canonical 8-4-4-4-12 form. */
    public static UUID uuid(String name, String value) {
        UUID id = optionalUuid(name, value);
        if (id == null) {
            throw ProblemException.invalid(name, "is required, as a UUID");
        }
        return id;
    }

    /** The same, or null when the parameter is not given. */
    public static UUID optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!UUID_TEXT.matcher(value.strip()).matches()) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
        return UUID.fromString(value.strip());
    }

    /** {@code value} as an ISO-8601 instant (2026-12-01T15:30:00Z), or null when it is not given. */
    public static Instant optionalInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-12-01T15:30:00Z");
        }
    }

    /** {@code value} as a decimal from {@code min} to {@code max}, or null when it is not given. */
    public static BigDecimal optionalDecimal(String name, String value, BigDecimal min, BigDecimal max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.compareTo(min) >= 0 && number.compareTo(max) <= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number: the same answer as a number out of range
        }
        throw ProblemException.invalid(name, "must be a number from " + min.toPlainString() + " to "
                + max.toPlainString());
    }

    /** {@code value} as one of an enum's constants, named in any case, or null when it is not given. */
    public static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** {@code value} as true or false, or {@code absent} when it is not given. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
