package org.district.pd.learning.catalog;

import java.time.Instant;
import java.util.List;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.rest.NewOffering;
import org.district.pd.platform.problem.ProblemException;

/** How an offering's fields fit together, beyond what Bean Validation checks of each one. */
final class OfferingRules {

    private OfferingRules() {
    }

    static void requireConsistent(NewOffering request) {
        requireConsistentCredit(request);
        if (request.format() == Format.MICRO
                && (request.durationMinutes() == null || request.durationMinutes() > 15)) {
            throw ProblemException.invalid("durationMinutes", "a MICRO offering takes 15 minutes or less; say how long");
        }
        if (request.requiredSessions() != null && !request.format().hasSessions()) {
            throw ProblemException.invalid("requiredSessions",
                    "applies only to offerings with sessions (IN_PERSON, BLENDED, WEBINAR)");
        }
    }

    static void apply(NewOffering request, Offering offering, Instant now) {
        offering.title = request.title().strip();
        offering.description = request.description() == null ? "" : request.description().strip();
        offering.format = request.format();
        offering.durationMinutes = request.durationMinutes();
        offering.creditHours = request.creditHours();
        offering.variableCredit = request.variable();
        offering.maxCreditHours = request.variable() ? request.maxCreditHours() : null;
        offering.creditType = request.creditType();
        offering.category = request.category();
        offering.competencyTags = distinct(request.competencyTags());
        offering.standards = request.standards() == null ? new String[0]
                : request.standards().stream().distinct().map(Enum::name).toArray(String[]::new);
        offering.subject = blankToNull(request.subject());
        offering.gradeBands = distinct(request.gradeBands());
        offering.careerStages = distinct(request.careerStages());
        offering.provider = blankToNull(request.provider());
        offering.schoolId = request.schoolId();
        offering.requiredSessions = request.requiredSessions();
        offering.updatedAt = now;
    }

    private static void requireConsistentCredit(NewOffering request) {
        if (!request.variable()) {
            if (request.maxCreditHours() != null) {
                throw ProblemException.invalid("maxCreditHours", "applies only when variableCredit is true");
            }
            return;
        }
        if (request.maxCreditHours() == null) {
            throw ProblemException.invalid("maxCreditHours", "is required when variableCredit is true");
        }
        if (request.maxCreditHours().compareTo(request.creditHours()) < 0) {
            throw ProblemException.invalid("maxCreditHours",
                    "must be at least creditHours (" + request.creditHours().toPlainString() + ")");
        }
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
