package org.district.pd.credentials.submission;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A submission given to an assessor, in a round (1: the independent reviews; 2: the tie-break), and its review. */
@Entity
public class Assignment {

    @EmbeddedId
    public Key key;
    public int round;
    public Instant assignedAt;
    public Instant reviewedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    /** The scores and feedback per criterion, as JSON. */
    public String scores;
    public String feedback;

    public enum Outcome {
        PASS, RESUBMIT
    }

    @Embeddable
    public record Key(UUID submissionId, UUID assessorId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
