package org.district.pd.learning.messaging.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Published when an offering is published, and again when a published offering's details change; contract:
 * deploy/kafka/schemas/pd.learning.offering.published.v1.json.
 */
public record OfferingPublished(UUID offeringId, String title, String format, Integer durationMinutes,
        BigDecimal creditHours, String creditType, String category, List<String> tags, List<String> standards,
        Audience audience, UUID schoolId) {

    public static final String TYPE = "pd.learning.offering.published.v1";

    /** Who it is for; empty lists mean everyone. */
    public record Audience(List<String> careerStages, List<String> gradeBands, String subject) {
    }
}
