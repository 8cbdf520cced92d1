package org.district.pd.learning.ingestion.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reported completion whose learner or course is unknown, or whose identities name different educators, kept until
 * a roster or mapping fix releases it. Released with a completion id when credited; without one when it turned out to
 * repeat a completion already credited, or to report hours its offering does not allow (see reason and detail).
 */
@Entity
@Table(name = "held_completion")
public class HeldCompletion {

    @Id
    public UUID id;
    public String clientId;
    public String externalId;
    public String learnerEmail;
    public String learnerSisId;
    public String learnerLmsAccount;
    /** The LMS the client was bound to when it reported this; the course id is one of that LMS's. */
    public String lms;
    public String lmsCourseId;
    public Instant completedAt;
    public BigDecimal creditHours;
    public String reason;
    public String detail;
    public Instant receivedAt;
    public Instant releasedAt;
    public UUID completionId;

}
