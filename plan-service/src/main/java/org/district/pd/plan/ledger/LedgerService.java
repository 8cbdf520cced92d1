package org.district.pd.plan.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.events.CommunitySessionAttended;
import org.district.pd.plan.messaging.events.CourseCompleted;
import org.district.pd.plan.messaging.events.CredentialAwarded;
import org.district.pd.plan.messaging.events.SessionAttended;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/**
 * Turns credit-bearing events into credit-hour ledger entries, and takebacks into reversing ones; runs inside the
 * inbox's transaction.
 */
@ApplicationScoped
public class LedgerService {

    /** The activity source of an entry that takes back an earlier one. */
    public static final String REVERSAL = "REVERSAL";
    private static final String CLOCK_HOUR = "CLOCK_HOUR";
    /** Outside PD, approved by a principal: never the district's own activity, whoever gave it. */
    private static final String OUTSIDE = "EXTERNAL_APPROVED";
    /** The provider of outside PD whose event did not name one (events before they carried it), as V11 marks it. */
    private static final String UNKNOWN_PROVIDER = "(unknown provider)";

    private final LedgerEntryRepository entries;
    private final TakebackRepository takebacks;

    LedgerService(LedgerEntryRepository entries, TakebackRepository takebacks) {
        this.entries = entries;
        this.takebacks = takebacks;
    }

    /** Records the hours of a completion on the day it was completed, however late the event arrives. */
    public Uni<Void> courseCompleted(IncomingEvent event, CourseCompleted completed) {
        return record(event, completed.educatorId(), completed.completionId(), completed.offeringId(),
                completed.completedAt(), completed.creditHours(), completed.creditType(), completed.category(),
                completed.source(), completed.provider());
    }

    /** A completion each, as {@link #courseCompleted} of each in turn, in one statement. */
    public Uni<Void> coursesCompleted(List<Map.Entry<IncomingEvent, CourseCompleted>> completions) {
        Instant now = Instant.now();
        return entries.insertAll(completions.stream().map(pair -> {
            CourseCompleted completed = pair.getValue();
            return entry(pair.getKey(), completed.educatorId(), completed.completionId(), completed.offeringId(),
                    completed.completedAt(), completed.creditHours(), completed.creditType(), completed.category(),
                    completed.source(), completed.provider(), now);
        }).toList(), now);
    }

    /** A session that carries credit is an entry on the day it was attended; one without credit is none. */
    public Uni<Void> sessionAttended(IncomingEvent event, SessionAttended attended) {
        if (attended.creditHours().signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        return record(event, attended.educatorId(), attended.attendanceId(), attended.offeringId(),
                attended.attendedAt(), attended.creditHours(), attended.creditType(), attended.category(), "SESSION",
                attended.provider());
    }

    /** An award that carries credit is an entry on the day it was awarded, in its category. */
    public Uni<Void> credentialAwarded(IncomingEvent event, CredentialAwarded awarded) {
        if (awarded.creditHours().signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        return record(event, awarded.educatorId(), awarded.awardId(), null, awarded.awardedAt(),
                awarded.creditHours(), CLOCK_HOUR, awarded.ledgerCategory(), "CREDENTIAL", null);
    }

    /** A community meeting that carries credit is an entry on the day it was attended. */
    public Uni<Void> communitySessionAttended(IncomingEvent event, CommunitySessionAttended attended) {
        if (attended.creditHours().signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        return record(event, attended.educatorId(), attended.attendanceId(), null, attended.attendedAt(),
                attended.creditHours(), CLOCK_HOUR, attended.category(), "COMMUNITY", null);
    }

    /**
     * Takes back what {@code sourceRef} earned (a revoked award, a voided completion) with a reversing entry of the
     * opposite hours, dated when it was taken back; entries are never changed. The takeback is kept, so what it
     * names is reversed also when it arrives later, and a second takeback of the same changes nothing.
     */
    public Uni<Void> reverse(IncomingEvent event, UUID educatorId, UUID sourceRef, Instant at) {
        return takebacks.record(educatorId, sourceRef.toString(), event.id(), event.type(), at).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return entries.list("educatorId = ?1 and sourceRef = ?2", educatorId, sourceRef.toString())
                    .chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                            : persist(reversing(found.get(0), event.id(), event.type(), at)));
        });
    }

    /** One immutable entry, reversed at once when what earned it was taken back before it came. */
    private Uni<Void> record(IncomingEvent event, UUID educatorId, UUID sourceRef, UUID offeringId, Instant occurredAt,
            BigDecimal creditHours, String creditType, String category, String activitySource, String provider) {
        LedgerEntry entry = entry(event, educatorId, sourceRef, offeringId, occurredAt, creditHours, creditType,
                category, activitySource, provider, Instant.now());
        return persist(entry).chain(() -> takebacks.find(educatorId, entry.sourceRef)).chain(takeback -> takeback
                .map(taken -> persist(reversing(entry, taken.eventId(), taken.eventType(), taken.takenAt())))
                .orElse(Uni.createFrom().voidItem()));
    }

    private static LedgerEntry entry(IncomingEvent event, UUID educatorId, UUID sourceRef, UUID offeringId,
            Instant occurredAt, BigDecimal creditHours, String creditType, String category, String activitySource,
            String provider, Instant now) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = TimeOrderedIds.next();
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
        entry.provider = provider != null && !provider.isBlank() ? provider.strip()
                : OUTSIDE.equals(activitySource) ? UNKNOWN_PROVIDER : null;
        entry.earnedAt = occurredAt;
        entry.recordedAt = now;
        return entry;
    }

    /** The entry that takes {@code earned} back, recorded for the takeback's event. */
    private static LedgerEntry reversing(LedgerEntry earned, UUID eventId, String eventType, Instant at) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = TimeOrderedIds.next();
        entry.educatorId = earned.educatorId;
        entry.eventId = eventId;
        entry.eventType = eventType;
        entry.sourceRef = earned.sourceRef;
        entry.offeringId = earned.offeringId;
        entry.occurredAt = at;
        entry.creditHours = earned.creditHours.negate();
        entry.creditType = earned.creditType;
        entry.category = earned.category;
        entry.activitySource = REVERSAL;
        entry.provider = earned.provider;
        entry.earnedAt = earned.earnedAt;
        entry.recordedAt = Instant.now();
        return entry;
    }

    private Uni<Void> persist(LedgerEntry entry) {
        return entries.persist(entry).replaceWithVoid();
    }
}
