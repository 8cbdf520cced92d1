package org.district.pd.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Shows parked outbox rows in the readiness details. They do not make the service unready: every other key still
 * flows, and a district admin retries them once the cause is fixed.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements AsyncHealthCheck {

    private final ParkedEvents parked;

    OutboxHealth(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return parked.count().flatMap(count -> count == 0
                ? Uni.createFrom().item(HealthCheckResponse.named("Outbox relay").up().withData("parked", 0).build())
                : parked.oldest().map(oldest -> HealthCheckResponse.named("Outbox relay").up()
                        .withData("parked", count)
                        .withData("oldestParked", oldest == null ? "" : oldest.id() + " (" + oldest.topic() + ", key "
                                + oldest.key() + ") after " + oldest.attempts() + " attempts: " + oldest.lastError())
                        .build()));
    }
}
