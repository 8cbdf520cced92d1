package org.district.pd.plan.roster;

/** A CSV row read into {@code T}, or the report entry saying why it was not accepted. */
record Parsed<T>(T value, RowResult problem) {

    static <T> Parsed<T> accepted(T value) {
        return new Parsed<>(value, null);
    }

    static <T> Parsed<T> notAccepted(RowResult problem) {
        return new Parsed<>(null, problem);
    }

    boolean isAccepted() {
        return problem == null;
    }
}
