package org.district.pd.plan.report;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** RFC 4180 CSV cells and rows, CRLF line ends, safe to open in a spreadsheet. */
public final class Csv {

    private static final Pattern FORMULA_START = Pattern.compile("[=+\\-@\t\r]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** One row of cells, null cells empty, ended by CRLF. */
    public static String row(List<String> cells) {
        return cells.stream().map(cell -> cell == null ? "" : field(cell)).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * Neutralises a cell a spreadsheet would run as a formula (one starting with =, +, -, @, tab or CR) by a leading
     * apostrophe, as OWASP advises, unless it is a plain number; then quotes it when it holds a comma, a quote or a
     * line break, doubling its quotes (RFC 4180, section 2).
     */
    public static String field(String value) {
        String cell = FORMULA_START.matcher(value).lookingAt() && !NUMBER.matcher(value).matches() ? "'" + value : value;
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
