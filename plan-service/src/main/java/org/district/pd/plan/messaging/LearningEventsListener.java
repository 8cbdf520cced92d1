package org.district.pd.plan.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.district.pd.plan.ledger.LedgerService;
import org.district.pd.plan.messaging.events.AttendanceVoided;
import org.district.pd.plan.messaging.events.CourseCompleted;
import org.district.pd.plan.messaging.events.CourseVoided;
import org.district.pd.plan.messaging.events.SessionAttended;
import org.district.pd.plan.pathway.PathwayFacts;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.inbox.IncomingEvent;
import org.district.pd.platform.inbox.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/** Feeds the credit-hour ledger and the facts plans are derived from with pd.learning.events, each event once. */
@ApplicationScoped
public class LearningEventsListener implements EventHandler {

    public static final String CONSUMER = "plan-service";
    static final String OFFERING_PUBLISHED = "pd.learning.offering.published.v1";
    static final String OFFERING_RATED = "pd.learning.offering.rated.v1";

    private final Inbox inbox;
    private final LedgerService ledger;
    private final PathwayFacts pathways;

    LearningEventsListener(Inbox inbox, LedgerService ledger, PathwayFacts pathways) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.pathways = pathways;
    }

    /** A poll's records at once, in one transaction: a backlog drains many times faster than record by record. */
    @Incoming(Topics.LEARNING_EVENTS_CHANNEL)
    public Uni<Void> onLearningRecords(ConsumerRecords<String, String> records) {
        return inbox.consumeAll(this, records);
    }

    @Override
    public String topic() {
        return Topics.LEARNING_EVENTS;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** One completion is a ledger entry and a fact for the teacher's plans, in the same transaction. */
    private Uni<Void> courseCompleted(IncomingEvent event, CourseCompleted completed) {
        return ledger.courseCompleted(event, completed).call(() -> pathways.courseCompleted(completed));
    }

    /** Completions are independent of each other: a run of them in a poll is written with a few statements. */
    @Override
    public boolean appliesInBulk(String type) {
        return CourseCompleted.TYPE.equals(type);
    }

    @Override
    public Uni<Void> handleAll(List<IncomingEvent> events) {
        List<Map.Entry<IncomingEvent, CourseCompleted>> completions = events.stream()
                .map(event -> Map.entry(event, inbox.data(event, CourseCompleted.class))).toList();
        return ledger.coursesCompleted(completions)
                .call(() -> pathways.coursesCompleted(completions.stream().map(Map.Entry::getValue).toList()));
    }

    /** An attendance is a ledger entry when it carries credit, and a fact for the teacher's plans. */
    private Uni<Void> sessionAttended(IncomingEvent event, SessionAttended attended) {
        return ledger.sessionAttended(event, attended).call(() -> pathways.sessionAttended(attended));
    }

    /** A voided completion is taken back: a reversing ledger entry, and a reversal for the teacher's plans. */
    private Uni<Void> courseVoided(IncomingEvent event, CourseVoided voided) {
        return ledger.reverse(event, voided.educatorId(), voided.completionId(), voided.voidedAt())
                .call(() -> pathways.courseVoided(voided));
    }

    /** A voided attendance is taken back the same way. */
    private Uni<Void> attendanceVoided(IncomingEvent event, AttendanceVoided voided) {
        return ledger.reverse(event, voided.educatorId(), voided.attendanceId(), voided.voidedAt())
                .call(() -> pathways.attendanceVoided(voided));
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case CourseCompleted.TYPE -> courseCompleted(event, inbox.data(event, CourseCompleted.class));
            case CourseVoided.TYPE -> courseVoided(event, inbox.data(event, CourseVoided.class));
            case SessionAttended.TYPE -> sessionAttended(event, inbox.data(event, SessionAttended.class));
            case AttendanceVoided.TYPE -> attendanceVoided(event, inbox.data(event, AttendanceVoided.class));
            // Known types this service has no use for yet: recorded as seen, so they are not dead-lettered.
            case OFFERING_PUBLISHED, OFFERING_RATED -> Uni.createFrom().voidItem();
            default -> Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        };
    }
}
