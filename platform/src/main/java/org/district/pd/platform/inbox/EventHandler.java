package org.district.pd.platform.inbox;

import io.smallrye.mutiny.Uni;

/**
 * A consumer of events through the {@link Inbox}: its name keys the inbox rows and dead letters, and its effect runs
 * once per event. Listeners implement it, so a replayed dead letter reaches the same effect as a live record.
 */
public interface EventHandler {

    /** The inbox name, e.g. {@code plan-service}: stable across deployments, as processed events are keyed by it. */
    String consumer();

    /** The effect of one event, inside the inbox's transaction; a {@link PoisonRecord} dead-letters the event. */
    Uni<Void> handle(IncomingEvent event);
}
