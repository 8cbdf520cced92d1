package org.district.pd.plan.roster;

import java.util.UUID;

/**
 * Fired when a roster job (an import, or the day's role dates) has ended and the directory may have changed, whether
 * the job completed or failed part-way: what it committed stays.
 */
public record RosterChanged(UUID jobId) {
}
