package org.district.pd.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;

/** Publishes the outbox on demand, for tests whose profile runs no relay of its own. */
@ApplicationScoped
public class RelayDriver {

    private final Pool pool;
    private final OutboxConfig config;
    private final OutboxPublisher publisher;
    private final MeterRegistry metrics;

    RelayDriver(Pool pool, OutboxConfig config, OutboxPublisher publisher, MeterRegistry metrics) {
        this.pool = pool;
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** A relay of its own, as a second process on the same database would have. */
    OutboxRelay newRelay() {
        return new OutboxRelay(pool, config, publisher, metrics);
    }

    /** Publishes whatever is ready now; returns how many rows went out. */
    public int publishAll() {
        OutboxRelay relay = newRelay();
        try {
            return relay.drainOnce();
        } finally {
            relay.dropLeadership();
        }
    }
}
