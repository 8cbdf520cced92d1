package org.district.pd.plan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.plan.ledger.LedgerService;
import org.district.pd.plan.messaging.events.CredentialAwarded;
import org.district.pd.plan.messaging.events.CredentialRevoked;
import org.district.pd.plan.messaging.events.EvidenceSubmitted;
import org.district.pd.plan.pathway.PathwayFacts;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.inbox.IncomingEvent;
import org.district.pd.platform.inbox.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/**
 * Feeds the ledger and the teachers' plans with pd.credentials.events, each event once: evidence and awards advance
 * milestones, an award's hours are a ledger entry, and a revocation takes both back.
 */
@ApplicationScoped
public class CredentialsEventsListener implements EventHandler {

    static final String EVIDENCE_REVIEWED = "pd.credentials.evidence.reviewed.v1";
    static final String CREDENTIAL_EXPIRED = "pd.credentials.credential.expired.v1";

    private final Inbox inbox;
    private final LedgerService ledger;
    private final PathwayFacts pathways;

    CredentialsEventsListener(Inbox inbox, LedgerService ledger, PathwayFacts pathways) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.pathways = pathways;
    }

    @Incoming(Topics.CREDENTIALS_EVENTS_CHANNEL)
    public Uni<Void> onCredentialsRecord(ConsumerRecord<String, String> record) {
        return inbox.consume(this, record);
    }

    @Override
    public String topic() {
        return Topics.CREDENTIALS_EVENTS;
    }

    @Override
    public String consumer() {
        return LearningEventsListener.CONSUMER;
    }

    private Uni<Void> awarded(IncomingEvent event, CredentialAwarded awarded) {
        return ledger.credentialAwarded(event, awarded).call(() -> pathways.credentialAwarded(awarded));
    }

    private Uni<Void> revoked(IncomingEvent event, CredentialRevoked revoked) {
        return ledger.reverse(event, revoked.educatorId(), revoked.awardId(), revoked.at())
                .call(() -> pathways.credentialRevoked(revoked));
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case EvidenceSubmitted.TYPE -> pathways.evidenceSubmitted(inbox.data(event, EvidenceSubmitted.class));
            case CredentialAwarded.TYPE -> awarded(event, inbox.data(event, CredentialAwarded.class));
            case CredentialRevoked.TYPE -> revoked(event, inbox.data(event, CredentialRevoked.class));
            // A review changes nothing here until it awards; an expired credential stays earned for what it counted.
            case EVIDENCE_REVIEWED, CREDENTIAL_EXPIRED -> Uni.createFrom().voidItem();
            default -> Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        };
    }
}
