package org.district.pd.platform.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while any consumer is waiting out an outage: its events are not being processed. */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private record Retrying(String record, Instant since, String error) {
    }

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();

    void retrying(String consumer, String record, Throwable failure) {
        retrying.compute(consumer, (name, earlier) -> new Retrying(record,
                earlier == null || !earlier.record().equals(record) ? Instant.now() : earlier.since(), failure.toString()));
    }

    void recovered(String consumer) {
        retrying.remove(consumer);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").status(retrying.isEmpty());
        retrying.forEach((consumer, state) -> response.withData(consumer,
                "retrying " + state.record() + " since " + state.since() + ": " + state.error()));
        return response.build();
    }
}
