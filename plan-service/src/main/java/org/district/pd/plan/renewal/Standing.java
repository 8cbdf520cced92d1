package org.district.pd.plan.renewal;

/** An educator's license and where they stand in its renewal window. */
public record Standing(License license, RenewalStatus renewal) {
}
