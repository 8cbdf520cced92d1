package org.district.pd.plan.roster;

import java.util.UUID;

/** An active org already in the directory, as a user row may name it. */
public record KnownOrg(UUID id, boolean school) {
}
