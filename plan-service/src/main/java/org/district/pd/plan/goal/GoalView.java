package org.district.pd.plan.goal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A district or school goal as read. */
public record GoalView(UUID id, UUID schoolId, UUID alignedTo, String title, String description,
        List<String> competencyTags, String schoolYear, String createdBy, Instant createdAt, Instant updatedAt) {
}
