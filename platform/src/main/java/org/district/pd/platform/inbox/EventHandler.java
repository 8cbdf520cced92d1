package org.district.pd.platform.inbox;

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
}
