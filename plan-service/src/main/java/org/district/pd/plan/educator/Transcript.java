package org.district.pd.plan.educator;

import java.util.List;

import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalStatus;

/** Every ledger entry of one educator, in the order they were earned, with their license and renewal status. */
public record Transcript(EducatorCard educator, License license, RenewalStatus renewal, List<TranscriptEntry> entries) {
}
