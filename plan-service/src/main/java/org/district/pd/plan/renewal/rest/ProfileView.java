package org.district.pd.plan.renewal.rest;

import java.time.Instant;

import org.district.pd.plan.renewal.RenewalProfile;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A renewal profile with its code, whether the service started with it, and its last change. */
public record ProfileView(String code, boolean builtIn, Instant updatedAt, String updatedBy,
        @JsonUnwrapped RenewalProfile rules) {

    static ProfileView of(StoredProfile stored) {
        return new ProfileView(stored.code(), stored.builtIn(), stored.updatedAt(), stored.updatedBy(),
                stored.profile());
    }
}
