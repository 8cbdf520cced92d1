package org.district.pd.credentials.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.district.pd.credentials.educator.EducatorDirectory;
import org.district.pd.credentials.messaging.events.EducatorUpserted;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.inbox.IncomingEvent;
import org.district.pd.platform.inbox.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/** Keeps the educator projection from the compacted roster topic. */
@ApplicationScoped
public class RosterListener implements EventHandler {

    static final String CONSUMER = "credentials-service";

    private final Inbox inbox;
    private final EducatorDirectory directory;

    RosterListener(Inbox inbox, EducatorDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    /** A poll's snapshots in one transaction: an import's fan-out is faster (README, "Performance"). */
    @Incoming(Topics.ROSTER_EDUCATORS_CHANNEL)
    public Uni<Void> onRosterRecords(ConsumerRecords<String, String> records) {
        return inbox.consumeAll(this, records);
    }

    @Override
    public String topic() {
        return "pd.roster.educators";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public boolean appliesInBulk(String type) {
        return EducatorUpserted.TYPE.equals(type);
    }

    /** A run of snapshots with one statement; a poison one fails the run, and the poll goes one by one. */
    @Override
    public Uni<Void> handleAll(List<IncomingEvent> events) {
        return directory.applyAll(events.stream()
                .map(event -> inbox.data(event, EducatorUpserted.class).snapshot(event.time())).toList());
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case EducatorUpserted.TYPE ->
                directory.apply(inbox.data(event, EducatorUpserted.class).snapshot(event.time()));
            default -> Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        };
    }
}
