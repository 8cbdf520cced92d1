package org.district.pd.plan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180AsksForIt() {
        assertThat(Csv.field("Lopez")).isEqualTo("Lopez");
        assertThat(Csv.field("O'Neil")).isEqualTo("O'Neil");
        assertThat(Csv.field("Avery, Jr")).isEqualTo("\"Avery, Jr\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.field("line\nfeed")).isEqualTo("\"line\nfeed\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(Csv.field("=HYPERLINK(\"http://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\"");
        assertThat(Csv.field("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(Csv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
        // Numbers stay numbers: a negative total is not a formula.
        assertThat(Csv.field("-1.50")).isEqualTo("-1.50");
        assertThat(Csv.field("12")).isEqualTo("12");
    }

    @Test
    void anEducatorWithoutHoursGetsOneRowAndOthersOneRowPerCategory() {
        UUID school = UUID.randomUUID();
        UUID idle = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        TreeMap<String, BigDecimal> hours = new TreeMap<>();
        hours.put("COURSEWORK", new BigDecimal("1.5"));
        hours.put("PLC", new BigDecimal("2"));
        String csv = CreditHoursCsv.rows(List.of(
                new EducatorHours(idle, "t-1", "Ida", "Idle", null, List.of(school), BigDecimal.ZERO, new TreeMap<>(),
                        "NO_LICENSE"),
                new EducatorHours(busy, "t-2", "Bo", "Busy", "bo@x.example", List.of(), new BigDecimal("3.50"), hours,
                        "AT_RISK")));

        assertThat(csv).isEqualTo(idle + ",t-1,Idle,Ida,," + school + ",,0.00,NO_LICENSE\r\n"
                + busy + ",t-2,Busy,Bo,bo@x.example,,COURSEWORK,1.50,AT_RISK\r\n"
                + busy + ",t-2,Busy,Bo,bo@x.example,,PLC,2.00,AT_RISK\r\n");
    }
}
