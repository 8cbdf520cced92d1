package org.district.pd.plan.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.events.CourseCompleted;
import org.district.pd.plan.messaging.events.SessionAttended;
import org.district.pd.platform.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/** Turns learning events into credit-hour ledger entries; runs inside the inbox's transaction. */
@ApplicationScoped
public class LedgerService {

    private final LedgerEntryRepository entries;

    LedgerService(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    /** Records the hours of a completion on the day it was completed, however late the event arrives. */
    public Uni<Void> courseCompleted(IncomingEvent event, CourseCompleted completed) {
        return record(event, completed.educatorId(), completed.completionId(), completed.offeringId(),
                completed.completedAt(), completed.creditHours(), completed.creditType(), completed.category(),
                completed.source());
    }

    /** A session that carries credit is an entry on the day it was attended; one without credit is none. */
    public Uni<Void> sessionAttended(IncomingEvent event, SessionAttended attended) {
        if (attended.creditHours().signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        return record(event, attended.educatorId(), attended.attendanceId(), attended.offeringId(),
                attended.attendedAt(), attended.creditHours(), attended.creditType(), attended.category(), "SESSION");
    }

    /** One immutable entry; {@code sourceRef} is the producer's id of what was earned, e.g. the completion id. */
    private Uni<Void> record(IncomingEvent event, UUID educatorId, UUID sourceRef, UUID offeringId, Instant occurredAt,
            BigDecimal creditHours, String creditType, String category, String activitySource) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.educatorId = educatorId;
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.sourceRef = sourceRef.toString();
        entry.offeringId = offeringId;
        entry.occurredAt = occurredAt;
        entry.creditHours = creditHours;
        entry.creditType = creditType;
        entry.category = category;
        entry.activitySource = activitySource;
        entry.recordedAt = Instant.now();
        return entries.persist(entry).replaceWithVoid();
    }
}
