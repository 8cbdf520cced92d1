package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.web.StorableText;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one raw batch item into a {@link CompletionItem}, or into the list of what is wrong with it. */
final class CompletionItemParser {

    private static final int MAX_TEXT = 200;
    private static final BigDecimal MAX_HOURS = new BigDecimal("999");
    /** No LMS completion we credit predates 2000; an earlier date is a typo or a placeholder. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far the LMS's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Either an item or violations, never both. */
    record Parsed(CompletionItem item, String externalId, List<Violation> violations) {
    }

    private final int index;
    private final String prefix;
    private final List<Violation> violations = new ArrayList<>();

    private CompletionItemParser(int index) {
        this.index = index;
        this.prefix = "items[" + index + "].";
    }

    static Parsed parse(int index, JsonNode node, Instant now) {
        return new CompletionItemParser(index).read(node, now);
    }

    private Parsed read(JsonNode node, Instant now) {
        if (node == null || !node.isObject()) {
            return new Parsed(null, null, List.of(new Violation("items[" + index + "]", "must be a JSON object")));
        }
        String externalId = text(node, "externalId", true);
        LearnerRef learner = learner(node.get("learner"));
        String lmsCourseId = text(node, "lmsCourseId", true);
        Instant completedAt = completedAt(node.get("completedAt"), now);
        BigDecimal hours = hours(node.get("hours"));
        if (!violations.isEmpty()) {
            return new Parsed(null, externalId, List.copyOf(violations));
        }
        return new Parsed(new CompletionItem(index, externalId, learner, lmsCourseId, completedAt, hours), externalId, List.of());
    }

    private LearnerRef learner(JsonNode learner) {
        if (learner == null || !learner.isObject()) {
            violations.add(new Violation(prefix + "learner", "must be an object with email, sisId or lmsAccount"));
            return null;
        }
        String email = text(learner, "learner.", "email", false);
        String sisId = text(learner, "learner.", "sisId", false);
        String lmsAccount = text(learner, "learner.", "lmsAccount", false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add(new Violation(prefix + "learner.email", "is not an email address"));
        }
        if (email == null && sisId == null && lmsAccount == null) {
            violations.add(new Violation(prefix + "learner", "needs at least one of email, sisId, lmsAccount"));
        }
        return new LearnerRef(email, sisId, lmsAccount);
    }

    private Instant completedAt(JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            violations.add(new Violation(prefix + "completedAt", "is required"));
            return null;
        }
        try {
            Instant completedAt = OffsetDateTime.parse(value.asText()).toInstant();
            if (completedAt.isBefore(EARLIEST)) {
                violations.add(new Violation(prefix + "completedAt", "must not be before " + EARLIEST));
            } else if (completedAt.isAfter(now.plus(CLOCK_SKEW))) {
                violations.add(new Violation(prefix + "completedAt", "is more than "
                        + CLOCK_SKEW.toMinutes() + " minutes in the future"));
            }
            return completedAt;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(prefix + "completedAt", "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T15:04:05Z"));
            return null;
        }
    }

    private BigDecimal hours(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            violations.add(new Violation(prefix + "hours", "must be a number"));
            return null;
        }
        BigDecimal hours = value.decimalValue();
        if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
            violations.add(new Violation(prefix + "hours", "must be between 0 and 999"));
            return null;
        }
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    private String text(JsonNode node, String field, boolean required) {
        return text(node, "", field, required);
    }

    private String text(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                violations.add(new Violation(prefix + path + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(prefix + path + field, "must be a string"));
            return null;
        }
        if (!StorableText.storable(value.asText())) {
            violations.add(new Violation(prefix + path + field, "must not contain a NUL character"));
            return null;
        }
        if (value.asText().length() > MAX_TEXT) {
            violations.add(new Violation(prefix + path + field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.asText().strip();
    }
}
