package org.district.pd.learning.rating;

import java.time.Instant;
import java.util.UUID;

/** A rating as others see it: no name, only whether it is the caller's own. */
public record RatingView(int stars, String comment, Instant ratedAt, Instant updatedAt, boolean mine) {

    static RatingView of(Rating rating, UUID caller) {
        return new RatingView(rating.stars, rating.comment, rating.ratedAt, rating.updatedAt,
                rating.key.educatorId().equals(caller));
    }
}
