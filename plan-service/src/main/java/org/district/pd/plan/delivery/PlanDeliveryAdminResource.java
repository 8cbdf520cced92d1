package org.district.pd.plan.delivery;

import jakarta.ws.rs.Path;

import org.district.pd.platform.delivery.DeliveryAdminResource;
import org.district.pd.platform.inbox.DeadLetterReplay;
import org.district.pd.platform.inbox.DeadLetters;
import org.district.pd.platform.outbox.ParkedEvents;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** This service's dead letters and parked outbox rows, for district admins. */
@Path("/api/v1/plans/admin")
@SecurityRequirement(name = "SecurityScheme")
public class PlanDeliveryAdminResource extends DeliveryAdminResource {

    PlanDeliveryAdminResource(DeadLetters deadLetters, DeadLetterReplay replay, ParkedEvents parked) {
        super(deadLetters, replay, parked);
    }
}
