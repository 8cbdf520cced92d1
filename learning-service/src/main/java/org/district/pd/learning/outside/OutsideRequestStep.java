package org.district.pd.learning.outside;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of a request's history: who did what, the status it left the request in, and their comment. */
@Entity
public class OutsideRequestStep {

    @EmbeddedId
    public Key key;
    public Instant at;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    public OutsideRequest.Status status;
    public String comment;

    /** The request and the step's place in its history, from 1. */
    @Embeddable
    public record Key(UUID requestId, int position) implements Serializable {
    }
}
