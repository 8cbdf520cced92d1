package org.district.pd.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * The completions an LMS reports for one test's teachers. No two share educator, offering and UTC day, so none is a
 * same-day repeat of another and each must be {@code accepted} the first time it is answered. The days fall in
 * October 2026, the window of {@link TestDistrict#hrReport}.
 */
final class Completions {

    private static final LocalDate FIRST_DAY = LocalDate.parse(TestDistrict.OCTOBER_FROM);
    private static final int DAYS = 31;

    record Completion(String externalId, TestDistrict.Teacher teacher, String lmsCourseId, LocalDate day) {
        String json() {
            return """
                    {"externalId":"%s","learner":{"email":"%s"},"lmsCourseId":"%s","completedAt":"%sT15:00:00Z"}"""
                    .formatted(externalId, teacher.email(), lmsCourseId, day);
        }
    }

    private final TestDistrict district;
    private final String name;
    private final List<String> courses;
    private final List<Completion> issued = new ArrayList<>();

    /** {@code offerings} LMS courses named after the test; {@link #createOfferings} puts them in the catalog. */
    Completions(TestDistrict district, String name, int offerings) {
        this.district = district;
        this.name = name;
        this.courses = IntStream.range(0, offerings).mapToObj(n -> "SYS-" + name + "-" + district.suffix + "-" + n).toList();
    }

    void createOfferings(String hours) {
        courses.forEach(course -> district.createOffering(course, hours, "COURSEWORK"));
    }

    /** The next {@code count} completions: number n goes to teacher n % T, then offering, then day, so all differ. */
    synchronized List<Completion> next(int count) {
        int teachers = district.teachers.size();
        int capacity = teachers * courses.size() * DAYS;
        if (issued.size() + count > capacity) {
            throw new IllegalStateException("only " + capacity + " distinct (educator, offering, day) completions exist for "
                    + teachers + " teachers and " + courses.size() + " offerings; add teachers or offerings");
        }
        List<Completion> batch = new ArrayList<>(count);
        for (int n = issued.size(); n < issued.size() + count; n++) {
            int rest = n / teachers;
            batch.add(new Completion(name.toLowerCase() + "-" + district.suffix + "-" + n, district.teachers.get(n % teachers),
                    courses.get(rest % courses.size()), FIRST_DAY.plusDays(rest / courses.size())));
        }
        issued.addAll(batch);
        return batch;
    }

    synchronized List<Completion> all() {
        return List.copyOf(issued);
    }

    static String batch(List<Completion> completions) {
        StringJoiner items = new StringJoiner(",", "{\"items\":[", "]}");
        completions.forEach(completion -> items.add(completion.json()));
        return items.toString();
    }
}
