package org.district.pd.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSafeCallerIdIsKept() {
        assertThat(CorrelationIds.acceptOrCreate("corr-upload-1")).isEqualTo("corr-upload-1");
        assertThat(CorrelationIds.acceptOrCreate("lms:batch_42.7")).isEqualTo("lms:batch_42.7");
        assertThat(CorrelationIds.acceptOrCreate("a".repeat(100))).isEqualTo("a".repeat(100));
    }

    @Test
    void anythingElseGetsAFreshId() {
        for (String unsafe : new String[] { null, "", " ", "two words", "line\r\nInjected: yes", "a".repeat(101),
                "<script>", "tab\there", "ünïcode", "x\u0000y" }) {
            assertThat(CorrelationIds.acceptOrCreate(unsafe)).as("for %s", unsafe).matches(UUID);
        }
    }
}
