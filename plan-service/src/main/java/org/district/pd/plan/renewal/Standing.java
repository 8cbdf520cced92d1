package org.district.pd.plan.renewal;

/** An educator's license, the profile it binds them to, and where they stand in its renewal window. */
public record Standing(License license, RenewalProfile profile, RenewalStatus renewal) {
}
