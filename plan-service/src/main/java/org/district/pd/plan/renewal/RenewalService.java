package org.district.pd.plan.renewal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.persistence.LicenseRepository;
import org.district.pd.plan.renewal.persistence.ProfileRepository;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;

import io.smallrye.mutiny.Uni;

/** Where educators stand in their license's renewal window today, under their profile's rules. */
@ApplicationScoped
public class RenewalService {

    private final ProfileRepository profiles;
    private final LicenseRepository licenses;
    private final Clock clock;

    RenewalService(ProfileRepository profiles, LicenseRepository licenses) {
        this.profiles = profiles;
        this.licenses = licenses;
        this.clock = Clock.systemUTC();
    }

    /** The educator's standing, or empty when they have no license. */
    public Uni<Optional<Standing>> standing(UUID educatorId) {
        return profiles.all().chain(all -> standings(Set.of(educatorId), all))
                .map(standings -> Optional.ofNullable(standings.get(educatorId)));
    }

    /**
     * The standings of some educators (a report's page) with {@code all} the profiles, read once per report; an
     * educator without a license is absent. Two queries whatever the number of educators.
     */
    public Uni<Map<UUID, Standing>> standings(Collection<UUID> educatorIds, SortedMap<String, StoredProfile> all) {
        LocalDate today = LocalDate.now(clock);
        return licenses.find(educatorIds).chain(found -> found.isEmpty() ? Uni.createFrom().item(Map.of())
                : licenses.credits(found.keySet()).map(credits -> {
                    Map<UUID, Standing> standings = new HashMap<>();
                    found.forEach((educatorId, license) -> {
                        RenewalProfile profile = all.get(license.profile()).profile();
                        RenewalStatus status = RenewalRules.evaluate(license.profile(), profile, license.issuedOn(),
                                license.expiresOn(), credits.getOrDefault(educatorId, List.of()), today);
                        standings.put(educatorId, new Standing(license, status));
                    });
                    return standings;
                }));
    }

    public Uni<SortedMap<String, StoredProfile>> profiles() {
        return profiles.all();
    }
}
