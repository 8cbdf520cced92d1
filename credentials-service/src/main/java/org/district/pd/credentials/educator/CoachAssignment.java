package org.district.pd.credentials.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Who coaches the teacher on one of their plans, as plan-service last announced it. */
@Entity
public class CoachAssignment {

    @Id
    public UUID planId;
    public UUID educatorId;
    public UUID coachId;
    public Instant at;
}
