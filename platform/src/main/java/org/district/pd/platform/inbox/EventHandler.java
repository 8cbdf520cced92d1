package org.district.pd.platform.inbox;

import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A consumer of events through the {@link Inbox}: its name keys the inbox rows and dead letters, and its effect runs
 * once per event. Listeners implement it, so a replayed dead letter reaches the same effect as a live record.
 */
public interface EventHandler {

    /** The inbox name, e.g. {@code plan-service}: stable across deployments, as processed events are keyed by it. */
    String consumer();

    /**
     * The topic it consumes, as the contract names it (without {@code pd.kafka.topic-prefix}): one consumer may read
     * several topics, each with a handler of its own, and a dead letter goes back to the handler of its topic.
     */
    String topic();

    /** The effect of one event, inside the inbox's transaction; a {@link PoisonRecord} dead-letters the event. */
    Uni<Void> handle(IncomingEvent event);

    /**
     * Whether events of this type can be applied many at a time through {@link #handleAll}: those whose effects are
     * independent of each other, so that a run of them in a poll is the same as each applied in turn.
     */
    default boolean appliesInBulk(String type) {
        return false;
    }

    /**
     * The effect of several new events of one type {@link #appliesInBulk}, in their order, inside the inbox's
     * transaction: the same as {@link #handle} of each in turn, in fewer statements. A failure fails them all.
     */
    default Uni<Void> handleAll(List<IncomingEvent> events) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(this::handle)
                .collect().last().replaceWithVoid();
    }
}
