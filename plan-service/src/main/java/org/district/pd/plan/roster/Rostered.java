package org.district.pd.plan.roster;

import org.district.pd.plan.messaging.events.EducatorUpserted;

/** An educator as the directory holds them: the snapshot last published, and what it was derived from. */
public record Rostered(EducatorUpserted snapshot, RosterSource source) {
}
