package org.district.pd.learning.educator;

import java.util.Collection;

import io.smallrye.mutiny.Uni;

/** Told, in the roster update's transaction, that these identities now name an educator; held completions can go. */
public interface LearnersIdentified {

    Uni<Void> learnersIdentified(Collection<LearnerIdentity.Key> identities);
}
