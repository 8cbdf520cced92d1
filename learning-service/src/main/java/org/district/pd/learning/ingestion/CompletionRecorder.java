package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.Offering;
import org.district.pd.learning.messaging.Topics;
import org.district.pd.learning.messaging.events.CourseCompleted;
import org.district.pd.platform.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/** Stores an accepted completion and its course.completed event in the caller's transaction. */
@ApplicationScoped
class CompletionRecorder {

    private final CompletionRepository completions;
    private final Outbox outbox;

    CompletionRecorder(CompletionRepository completions, Outbox outbox) {
        this.completions = completions;
        this.outbox = outbox;
    }

    /** Reported hours win over the offering's nominal credit, as variable-length courses report what was earned. */
    Uni<Completion> record(String clientId, String externalId, UUID educatorId, Offering offering, Instant completedAt,
            BigDecimal reportedHours) {
        Completion completion = new Completion();
        completion.id = UUID.randomUUID();
        completion.clientId = clientId;
        completion.externalId = externalId;
        completion.educatorId = educatorId;
        completion.offeringId = offering.id;
        completion.completedAt = completedAt;
        completion.creditHours = reportedHours == null ? offering.creditHours : reportedHours;
        completion.receivedAt = Instant.now();
        CourseCompleted event = new CourseCompleted(completion.id, educatorId, offering.id, externalId, completedAt,
                completion.creditHours, offering.creditType.name(), offering.category, "LMS", List.of());
        return completions.persist(completion)
                .call(saved -> outbox.append(Topics.LEARNING_EVENTS, CourseCompleted.TYPE, educatorId, completedAt, event));
    }
}
