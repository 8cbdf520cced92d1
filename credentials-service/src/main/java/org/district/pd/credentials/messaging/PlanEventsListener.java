package org.district.pd.credentials.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.credentials.educator.EducatorDirectory;
import org.district.pd.credentials.messaging.events.CoachAssigned;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.inbox.IncomingEvent;
import org.district.pd.platform.inbox.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/** Reads who coaches whom from plan-service's events; the pathway progress events on the topic are not ours. */
@ApplicationScoped
public class PlanEventsListener implements EventHandler {

    private static final String MILESTONE_COMPLETED = "pd.plan.milestone.completed.v1";
    private static final String CYCLE_COMPLETED = "pd.plan.cycle.completed.v1";
    private static final String CYCLE_STARTED = "pd.plan.cycle.started.v1";

    private final Inbox inbox;
    private final EducatorDirectory directory;

    PlanEventsListener(Inbox inbox, EducatorDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming(Topics.PLAN_EVENTS_CHANNEL)
    public Uni<Void> onPlanRecord(ConsumerRecord<String, String> record) {
        return inbox.consume(this, record);
    }

    @Override
    public String topic() {
        return "pd.plan.events";
    }

    @Override
    public String consumer() {
        return RosterListener.CONSUMER;
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case CoachAssigned.TYPE -> {
                CoachAssigned assigned = inbox.data(event, CoachAssigned.class);
                yield directory.coachAssigned(assigned.planId(), assigned.educatorId(), assigned.coachId(),
                        assigned.assignedAt());
            }
            case MILESTONE_COMPLETED, CYCLE_COMPLETED, CYCLE_STARTED -> Uni.createFrom().voidItem();
            default -> Uni.createFrom().failure(PoisonRecord.unknownType(event.type()));
        };
    }
}
