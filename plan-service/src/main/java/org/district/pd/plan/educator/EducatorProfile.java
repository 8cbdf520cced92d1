package org.district.pd.plan.educator;

import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalStatus;

/** An educator's profile: who they are, their license (null: none) and where they stand in its renewal window. */
public record EducatorProfile(EducatorCard educator, License license, RenewalStatus renewal) {
}
