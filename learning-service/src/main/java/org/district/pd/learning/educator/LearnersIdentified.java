package org.district.pd.learning.educator;

import java.util.Collection;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the transaction of a roster update or a link, that these identities now name an educator: held completions
 * can go. Answers how many were credited.
 */
public interface LearnersIdentified {

    Uni<Integer> learnersIdentified(Collection<LearnerIdentity.Key> identities);

    /** Tells each of them in turn (held completions, held xAPI statements); answers how many were credited in all. */
    static Uni<Integer> tellAll(List<LearnersIdentified> listeners, Collection<LearnerIdentity.Key> identities) {
        Uni<Integer> credited = Uni.createFrom().item(0);
        for (LearnersIdentified listener : listeners) {
            credited = credited.flatMap(sum -> listener.learnersIdentified(identities).map(more -> sum + more));
        }
        return credited;
    }
}
