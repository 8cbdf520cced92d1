package org.district.pd.credentials.submission;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A teacher's evidence for one definition version: one attempt of a series (the first award's, or a renewal's). */
@Entity
public class Submission {

    @Id
    public UUID id;
    public UUID educatorId;
    public UUID definitionId;
    public int definitionVersion;
    public int attempt;
    /** The award this submission renews, or null for a first award. */
    public UUID renewalOf;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant submittedAt;
    /** The turnaround target: reviewed by then, or on the overdue list. */
    public Instant dueAt;
    public Instant decidedAt;

    public enum Status {
        IN_REVIEW, PASSED, RESUBMIT, WITHDRAWN
    }
}
