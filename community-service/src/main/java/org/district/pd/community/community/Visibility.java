package org.district.pd.community.community;

/** Who may join: anyone in scope at once, on a facilitator's approval of a request, or only by invitation. */
public enum Visibility {
    OPEN, REQUEST, INVITE
}
