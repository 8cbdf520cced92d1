package org.district.pd.plan.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One data row of a roster CSV file, read by column name; {@code line} is where the row starts (header = 1). */
public record CsvRow(String file, long line, Map<String, String> values) {

    /** The trimmed value, or "" when the column is absent or empty. */
    public String get(String column) {
        return values.getOrDefault(column.toLowerCase(Locale.ROOT), "");
    }

    /** A OneRoster list value such as {@code "10,11"}: split on commas, blanks dropped. */
    List<String> list(String column) {
        return Arrays.stream(get(column).split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    String nullIfEmpty(String column) {
        String value = get(column);
        return value.isEmpty() ? null : value;
    }
}
