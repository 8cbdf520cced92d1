package org.district.pd.learning.catalog;

import java.util.Collection;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the transaction that maps them, that xAPI activities now have an offering: statements already stored about
 * them can earn.
 */
public interface ActivitiesMapped {

    Uni<Void> activitiesMapped(Collection<String> activityIds);
}
