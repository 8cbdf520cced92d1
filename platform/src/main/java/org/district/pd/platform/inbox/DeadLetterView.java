package org.district.pd.platform.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A dead letter as a district admin sees it; {@code headers} (JSON) and {@code payload} only when read one by one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(UUID id, String consumer, String topic, int partition, long offset, String key,
        UUID eventId, String eventType, String reason, Instant deadLetteredAt, int replayCount, Instant replayedAt,
        String replayOutcome, String headers, String payload) {
}
