package org.district.pd.learning.educator;

import java.util.Collection;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the transaction of a roster update or a link, that these identities now name an educator: held completions
 * can go. Answers how many were credited.
 */
public interface LearnersIdentified {

    Uni<Integer> learnersIdentified(Collection<LearnerIdentity.Key> identities);
}
