package org.district.pd.plan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.plan.ledger.LedgerService;
import org.district.pd.plan.messaging.events.CommunityAttendanceVoided;
import org.district.pd.plan.messaging.events.CommunitySessionAttended;
import org.district.pd.plan.pathway.PathwayFacts;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.inbox.IncomingEvent;
import org.district.pd.platform.inbox.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/**
 * Feeds the ledger and the teachers' plans with pd.community.events, each event once: a meeting attended counts for
 * session milestones of its community's kind, and is a ledger entry when it carries credit; a voided attendance takes
 * both back.
 */
@ApplicationScoped
public class CommunityEventsListener implements EventHandler {

    static final String RESOURCE_SHARED = "pd.community.resource.shared.v1";
    static final String STRENGTH_ENDORSED = "pd.community.strength.endorsed.v1";

    private final Inbox inbox;
    private final LedgerService ledger;
    private final PathwayFacts pathways;

    CommunityEventsListener(Inbox inbox, LedgerService ledger, PathwayFacts pathways) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.pathways = pathways;
    }

    @Incoming(Topics.COMMUNITY_EVENTS_CHANNEL)
    public Uni<Void> onCommunityRecord(ConsumerRecord<String, String> record) {
        return inbox.consume(this, record);
    }

    @Override
    public String topic() {
        return Topics.COMMUNITY_EVENTS;
    }

    @Override
    public String consumer() {
        return LearningEventsListener.CONSUMER;
    }

    private Uni<Void> attended(IncomingEvent event, CommunitySessionAttended attended) {
        return ledger.communitySessionAttended(event, attended).call(() -> pathways.communitySessionAttended(attended));
    }

    /** A voided attendance is taken back: a reversing ledger entry, and a reversal for the teacher's plans. */
    private Uni<Void> voided(IncomingEvent event, CommunityAttendanceVoided voided) {
        return ledger.reverse(event, voided.educatorId(), voided.attendanceId(), voided.voidedAt())
                .call(() -> pathways.communityAttendanceVoided(voided));
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case CommunitySessionAttended.TYPE -> attended(event, inbox.data(event, CommunitySessionAttended.class));
            case CommunityAttendanceVoided.TYPE -> voided(event, inbox.data(event, CommunityAttendanceVoided.class));
            // Known types this service has no use for yet: recorded as seen, so they are not dead-lettered.
            case RESOURCE_SHARED, STRENGTH_ENDORSED -> Uni.createFrom().voidItem();
            default -> Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        };
    }
}
