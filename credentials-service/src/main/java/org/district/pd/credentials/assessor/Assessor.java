package org.district.pd.credentials.assessor;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An educator who reviews evidence; {@link #lastAssignedAt} breaks ties in the round-robin. */
@Entity
public class Assessor {

    @Id
    public UUID educatorId;
    public boolean active;
    public Instant addedAt;
    public Instant lastAssignedAt;
}
