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
