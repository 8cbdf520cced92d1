package org.district.pd.learning.rating;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.OfferingRepository;
import org.district.pd.learning.catalog.OfferingService;
import org.district.pd.learning.messaging.events.OfferingRated;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Ratings: one per educator and offering, by those who completed it or attended a session of it. The offering's
 * count and total are kept under its row lock, so concurrent ratings never lose one.
 */
@ApplicationScoped
public class RatingService {

    private final RatingRepository ratings;
    private final OfferingRepository offeringRows;
    private final OfferingService offerings;
    private final LearningAccess access;
    private final Outbox outbox;

    RatingService(RatingRepository ratings, OfferingRepository offeringRows, OfferingService offerings,
            LearningAccess access, Outbox outbox) {
        this.ratings = ratings;
        this.offeringRows = offeringRows;
        this.offerings = offerings;
        this.access = access;
        this.outbox = outbox;
    }

    /** Rates the offering, or changes the caller's rating of it; says whether the rating is new. */
    @WithTransaction
    public Uni<Rated> rate(UUID offeringId, NewRating request) {
        UUID educatorId = access.educator();
        Instant now = Instant.now();
        // The offering row is locked by the first read of it: a lock on a copy read before would not refresh it.
        return offeringRows.findById(offeringId, LockModeType.PESSIMISTIC_WRITE)
                .invoke(offering -> {
                    if (offering == null || !access.sees(offering)) {
                        throw ProblemException.notFound("No offering " + offeringId);
                    }
                })
                .call(offering -> ratings.tookPart(educatorId, offeringId).invoke(tookPart -> {
                    if (!tookPart) {
                        throw ProblemException.forbidden(
                                "Only educators who completed this offering or attended a session of it rate it");
                    }
                }))
                .flatMap(offering -> ratings.findById(new Rating.Key(offeringId, educatorId))
                        .flatMap(existing -> {
                            Rating rating = existing != null ? existing : new Rating();
                            if (existing == null) {
                                rating.key = new Rating.Key(offeringId, educatorId);
                                rating.ratedAt = now;
                                offering.ratingCount++;
                            } else {
                                offering.ratingTotal -= existing.stars;
                            }
                            offering.ratingTotal += request.stars();
                            rating.stars = request.stars();
                            rating.comment = request.comment() == null || request.comment().isBlank() ? null
                                    : request.comment().strip();
                            rating.updatedAt = now;
                            Uni<Rating> saved = existing != null ? Uni.createFrom().item(rating)
                                    : ratings.persist(rating);
                            return saved.call(() -> publish(offering, rating))
                                    .map(done -> new Rated(RatingView.of(rating, educatorId), existing == null));
                        }));
    }

    @WithSession
    public Uni<List<RatingView>> ofOffering(UUID offeringId, int page, int size) {
        UUID caller = access.educatorOrNull();
        return offerings.visible(offeringId).flatMap(visible -> ratings.ofOffering(offeringId, page, size))
                .map(found -> found.stream().map(rating -> RatingView.of(rating, caller)).toList());
    }

    private Uni<UUID> publish(Offering offering, Rating rating) {
        return ratings.flush().flatMap(flushed -> outbox.append(Topics.LEARNING_EVENTS, OfferingRated.TYPE,
                rating.key.educatorId(), rating.updatedAt,
                new OfferingRated(offering.id, rating.key.educatorId(), rating.stars, rating.updatedAt)));
    }

    /** The rating as saved, and whether it was the educator's first of this offering. */
    public record Rated(RatingView rating, boolean created) {
    }
}
