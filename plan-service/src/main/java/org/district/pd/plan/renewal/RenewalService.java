package org.district.pd.plan.renewal;

import java.time.LocalDate;
import java.time.ZoneId;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/** Where educators stand in their license's renewal window today, under their profile's rules. */
@ApplicationScoped
public class RenewalService {

    private final ProfileRepository profiles;
    private final LicenseRepository licenses;
    private final ZoneId zone;

    RenewalService(ProfileRepository profiles, LicenseRepository licenses,
            @ConfigProperty(name = "pd.renewal.time-zone") ZoneId zone) {
        // PostgreSQL reads an offset such as +05:00 or GMT+5 the other way round (POSIX): a region it is, or UTC.
        if (zone.getId().matches(".*[+-]\\d.*")) {
            throw new IllegalArgumentException("pd.renewal.time-zone must be a region such as America/Chicago, not "
                    + zone.getId());
        }
        this.profiles = profiles;
        this.licenses = licenses;
        this.zone = zone;
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
        LocalDate today = LocalDate.now(zone);
        return licenses.find(educatorIds).chain(found -> found.isEmpty() ? Uni.createFrom().item(Map.of())
                : withEvery(found.values(), all).chain(known -> licenses.credits(found.keySet(), zone).map(credits -> {
                    Map<UUID, Standing> standings = new HashMap<>();
                    found.forEach((educatorId, license) -> {
                        RenewalProfile profile = known.get(license.profile()).profile();
                        RenewalStatus status = RenewalRules.evaluate(license.profile(), profile, license.issuedOn(),
                                license.expiresOn(), credits.getOrDefault(educatorId, List.of()), today);
                        standings.put(educatorId, new Standing(license, profile, status));
                    });
                    return standings;
                })));
    }

    /** {@code all}, or the profiles read again when a license names one defined since {@code all} was read. */
    private Uni<SortedMap<String, StoredProfile>> withEvery(Collection<License> found,
            SortedMap<String, StoredProfile> all) {
        boolean complete = found.stream().allMatch(license -> all.containsKey(license.profile()));
        return complete ? Uni.createFrom().item(all) : profiles.all();
    }

    public Uni<SortedMap<String, StoredProfile>> profiles() {
        return profiles.all();
    }
}
