package org.district.pd.plan.roster;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/**
 * Streams the rows of a OneRoster CSV file by its header: columns may come in any order, any case, and extra columns
 * are ignored. One row is held at a time, whatever the size of the file.
 */
public final class RosterCsv implements Iterator<CsvRow>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final String part;
    private final String file;
    private final CSVParser parser;
    private final List<String> headers;
    private final Iterator<CSVRecord> records;
    private long lastLine = 1;

    private RosterCsv(String part, CSVParser parser) {
        this.part = part;
        this.file = part + ".csv";
        this.parser = parser;
        this.headers = parser.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        this.records = parser.iterator();
    }

    /**
     * Opens {@code path} as the file of {@code part} (e.g. {@code users} for users.csv), or throws a 400 problem naming
     * each missing required column as {@code part.column}, or the part itself when the header is not CSV.
     */
    public static RosterCsv open(String part, Path path, List<String> requiredColumns) {
        BufferedReader reader = null;
        try {
            // Bytes that are not UTF-8 become U+FFFD: a name with one odd letter is better imported than refused.
            reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            skipByteOrderMark(reader);
            RosterCsv csv = new RosterCsv(part, FORMAT.parse(reader));
            requireColumns(part, csv.file, Set.copyOf(csv.headers), requiredColumns);
            return csv;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            close(reader);
            throw notCsv(part, 1);
        } catch (ProblemException e) {
            close(reader);
            throw e;
        }
    }

    /** Reads the whole file once, so a file that is not CSV is a 400 before any row is imported. */
    public static void check(String part, Path path, List<String> requiredColumns) {
        try (RosterCsv csv = open(part, path, requiredColumns)) {
            while (csv.hasNext()) {
                csv.next();
            }
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw notCsv(part, lastLine);
        }
    }

    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw notCsv(part, lastLine);
        }
        CsvRow row = new CsvRow(file, lastLine + 1, values(record));
        lastLine = parser.getCurrentLineNumber();
        return row;
    }

    @Override
    public void close() {
        close(parser);
    }

    private Map<String, String> values(CSVRecord record) {
        Map<String, String> values = new HashMap<>();
        for (int column = 0; column < headers.size() && column < record.size(); column++) {
            values.put(headers.get(column), record.get(column));
        }
        return values;
    }

    // Spreadsheet exports often start with a byte-order mark that would otherwise become part of the first header.
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
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

    // The parser's message names its own classes; the line and the usual cause tell the district more.
    private static ProblemException notCsv(String part, long lastLine) {
        return ProblemException.invalid(part, part + ".csv is not valid CSV after line " + lastLine
                + ": a quoted field is not closed, or a closing quote is followed by more than a comma,"
                + " or a column name is repeated");
    }

    private static void close(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // Read-only file: nothing to lose on close.
        }
    }
}
