package org.district.pd.plan.pathway;

/** One milestone of a stage: {@code key} is unique in its template and names it in sign-offs and reflections. */
public record Milestone(String key, String title, boolean required, Rule rule) {
}
