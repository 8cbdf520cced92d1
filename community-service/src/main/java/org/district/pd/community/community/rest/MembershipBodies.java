package org.district.pd.community.community.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The small bodies of the membership lifecycle. */
public final class MembershipBodies {

    private MembershipBodies() {
    }

    /** An optional note with a request to join. */
    public record JoinNote(@Size(max = 1000) String note) {
    }

    /** Whom a facilitator invites, with an optional note. */
    public record Invitation(@NotNull UUID educatorId, @Size(max = 1000) String note) {
    }

    /** Why a facilitator removes a member. */
    public record Removal(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A member to make a facilitator. */
    public record NewFacilitator(@NotNull UUID educatorId) {
    }
}
