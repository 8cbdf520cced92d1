package org.district.pd.learning.delivery;

import jakarta.ws.rs.Path;

import org.district.pd.platform.delivery.DeliveryAdminResource;
import org.district.pd.platform.inbox.DeadLetterReplay;
import org.district.pd.platform.inbox.DeadLetters;
import org.district.pd.platform.outbox.ParkedEvents;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** This service's dead letters and parked outbox rows, for district admins. */
@Path("/api/v1/learning/admin")
@SecurityRequirement(name = "SecurityScheme")
public class LearningDeliveryAdminResource extends DeliveryAdminResource {

    LearningDeliveryAdminResource(DeadLetters deadLetters, DeadLetterReplay replay, ParkedEvents parked) {
        super(deadLetters, replay, parked);
    }
}
