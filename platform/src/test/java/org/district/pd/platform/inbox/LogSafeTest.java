package org.district.pd.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void controlCharactersCannotForgeALogLine() {
        assertThat(LogSafe.text("ce_id is not a UUID: x\r\n12:00:00 INFO forged"))
                .isEqualTo("ce_id is not a UUID: x\\u000d\\u000a12:00:00 INFO forged")
                .doesNotContain("\n", "\r");
        assertThat(LogSafe.text("bell\u0007 esc\u001b[31m nul\u0000 sep\u2028")).doesNotContain("\u0007", "\u001b", "\u0000", "\u2028");
        assertThat(LogSafe.text("plain text, ünïcode")).isEqualTo("plain text, ünïcode");
        assertThat(LogSafe.text(null)).isNull();
    }

    @Test
    void longTextIsCut() {
        String cut = LogSafe.text("x".repeat(100_000));
        assertThat(cut).hasSize(LogSafe.MAX_LENGTH + 3).endsWith("...");
        assertThat(LogSafe.text("\n".repeat(1_000))).hasSizeLessThanOrEqualTo(LogSafe.MAX_LENGTH + 8);
    }
}
