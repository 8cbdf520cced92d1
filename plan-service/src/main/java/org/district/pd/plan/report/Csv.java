package org.district.pd.plan.report;

import java.util.List;
import java.util.regex.Pattern;

/** RFC 4180 CSV cells and rows, CRLF line ends, safe to open in a spreadsheet. */
public final class Csv {

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** One row of cells, null cells empty, ended by CRLF. */
    public static String row(List<String> cells) {
        return cells(cells) + "\r\n";
    }

    /** Cells of a row, null cells empty, separated by commas: the start of a row that goes on. */
    public static String cells(List<String> cells) {
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            row.append(i == 0 ? "" : ",").append(cell == null ? "" : field(cell));
        }
        return row.toString();
    }

    /**
     * Neutralises a cell a spreadsheet would run as a formula (one starting with =, +, -, @, tab or CR) by a leading
     * apostrophe, as OWASP advises, unless it is a plain number; then quotes it when it holds a comma, a quote or a
     * line break, doubling its quotes (RFC 4180, section 2).
     */
    public static String field(String value) {
        boolean formula = !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0
                && !NUMBER.matcher(value).matches();
        String cell = formula ? "'" + value : value;
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
