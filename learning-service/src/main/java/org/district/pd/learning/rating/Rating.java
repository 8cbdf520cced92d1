package org.district.pd.learning.rating;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** One educator's stars and comment for one offering; editing replaces them. */
@Entity
public class Rating {

    @EmbeddedId
    public Key key;
    public int stars;
    public String comment;
    public Instant ratedAt;
    public Instant updatedAt;

    /** One educator's rating of one offering. */
    @Embeddable
    public record Key(UUID offeringId, UUID educatorId) implements Serializable {
    }
}
