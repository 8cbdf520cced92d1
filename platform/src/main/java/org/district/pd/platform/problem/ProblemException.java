package org.district.pd.platform.problem;

import java.util.List;

import org.district.pd.platform.problem.Problem.Violation;

/** Thrown by services for a request that cannot be honoured; the mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", field + " " + message, List.of(new Violation(field, message)));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "Invalid request", "The request has " + violations.size() + " invalid field(s)",
                violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
