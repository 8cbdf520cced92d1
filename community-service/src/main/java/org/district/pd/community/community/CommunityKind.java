package org.district.pd.community.community;

/** The kinds of community, with the names their attendance carries to plan-service's pathways and ledger. */
public enum CommunityKind {
    PLC("plc", "PLC"),
    COHORT("cohort", "COHORT"),
    NETWORK("network", "NETWORK"),
    COACHING_CIRCLE("coaching", "COACHING");

    /** The kind as pathway milestones count sessions (communityKind in pd.community.session.attended.v1). */
    public final String eventKind;
    /** The ledger category its credit falls under, which renewal caps apply to. */
    public final String creditCategory;

    CommunityKind(String eventKind, String creditCategory) {
        this.eventKind = eventKind;
        this.creditCategory = creditCategory;
    }
}
