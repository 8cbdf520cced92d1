package org.district.pd.plan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CreditHoursCsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180AsksForIt() {
        assertThat(CreditHoursCsv.field("Lopez")).isEqualTo("Lopez");
        assertThat(CreditHoursCsv.field("O'Neil")).isEqualTo("O'Neil");
        assertThat(CreditHoursCsv.field("Avery, Jr")).isEqualTo("\"Avery, Jr\"");
        assertThat(CreditHoursCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CreditHoursCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(CreditHoursCsv.field("line\nfeed")).isEqualTo("\"line\nfeed\"");
        assertThat(CreditHoursCsv.field("")).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(CreditHoursCsv.field("=HYPERLINK(\"http://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\"");
        assertThat(CreditHoursCsv.field("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CreditHoursCsv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(CreditHoursCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CreditHoursCsv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(CreditHoursCsv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CreditHoursCsv.field("a=b")).isEqualTo("a=b");
        // Numbers stay numbers: a negative total is not a formula.
        assertThat(CreditHoursCsv.field("-1.50")).isEqualTo("-1.50");
        assertThat(CreditHoursCsv.field("12")).isEqualTo("12");
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
                new EducatorHours(idle, "t-1", "Ida", "Idle", null, List.of(school), BigDecimal.ZERO, new TreeMap<>()),
                new EducatorHours(busy, "t-2", "Bo", "Busy", "bo@x.example", List.of(), new BigDecimal("3.50"), hours)));

        assertThat(csv).isEqualTo(idle + ",t-1,Idle,Ida,," + school + ",,0.00\r\n"
                + busy + ",t-2,Busy,Bo,bo@x.example,,COURSEWORK,1.50\r\n"
                + busy + ",t-2,Busy,Bo,bo@x.example,,PLC,2.00\r\n");
    }
}
