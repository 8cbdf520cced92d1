package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "learner_email")
    public String learnerEmail;
    @Column(name = "learner_sis_id")
    public String learnerSisId;
    @Column(name = "learner_lms_account")
    public String learnerLmsAccount;
    /** The LMS the client was bound to when it reported this; the course id is one of that LMS's. */
    public String lms;
    @Column(name = "lms_course_id")
    public String lmsCourseId;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "credit_hours")
    public BigDecimal creditHours;
    public String reason;
    public String detail;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "completion_id")
    public UUID completionId;

    LearnerRef learner() {
        return new LearnerRef(learnerEmail, learnerSisId, learnerLmsAccount);
    }
}
