package org.district.pd.plan.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/** Reads a OneRoster CSV file by its header: columns may come in any order and extra columns are ignored. */
final class RosterCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private RosterCsv() {
    }

    /**
     * Returns the data rows of {@code part} (e.g. {@code users} for users.csv), or throws a 400 problem naming each
     * missing required column as {@code part.column}, or the part itself when the file is not CSV.
     */
    static List<CsvRow> read(String part, String text, List<String> requiredColumns) {
        String file = part + ".csv";
        // Spreadsheet exports often start with a byte-order mark that would otherwise become part of the first header.
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        long lastLine = 1;
        try (CSVParser parser = CSVParser.parse(content, FORMAT)) {
            List<String> headers = parser.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
            requireColumns(part, file, Set.copyOf(headers), requiredColumns);
            List<CsvRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new CsvRow(file, lastLine + 1, values(headers, record)));
                lastLine = parser.getCurrentLineNumber();
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's message names its own classes; the line and the usual cause tell the district more.
            throw ProblemException.invalid(part, file + " is not valid CSV after line " + lastLine
                    + ": a quoted field is not closed, or a closing quote is followed by more than a comma,"
                    + " or a column name is repeated");
        }
    }

    private static void requireColumns(String part, String file, Set<String> headers, List<String> required) {
        List<Violation> missing = required.stream()
                .filter(column -> !headers.contains(column.toLowerCase(Locale.ROOT)))
                .map(column -> new Violation(part + "." + column, "required column " + column + " is missing from " + file))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
    }

    private static Map<String, String> values(List<String> headers, CSVRecord record) {
        Map<String, String> values = new HashMap<>();
        for (int column = 0; column < headers.size() && column < record.size(); column++) {
            values.put(headers.get(column), record.get(column));
        }
        return values;
    }
}
