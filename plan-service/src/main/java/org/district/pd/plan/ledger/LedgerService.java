package org.district.pd.plan.ledger;

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
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.educatorId = completed.educatorId();
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.sourceRef = completed.completionId().toString();
        entry.offeringId = completed.offeringId();
        entry.occurredAt = completed.completedAt();
        entry.creditHours = completed.creditHours();
        entry.creditType = completed.creditType();
        entry.category = completed.category();
        entry.activitySource = completed.source();
        entry.recordedAt = Instant.now();
        return entries.persist(entry).replaceWithVoid();
    }

    /** A session that carries credit is an entry on the day it was attended; one without credit is none. */
    public Uni<Void> sessionAttended(IncomingEvent event, SessionAttended attended) {
        if (attended.creditHours().signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.educatorId = attended.educatorId();
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.sourceRef = attended.attendanceId().toString();
        entry.offeringId = attended.offeringId();
        entry.occurredAt = attended.attendedAt();
        entry.creditHours = attended.creditHours();
        entry.creditType = attended.creditType();
        entry.category = attended.category();
        entry.activitySource = "SESSION";
        entry.recordedAt = Instant.now();
        return entries.persist(entry).replaceWithVoid();
    }
}
