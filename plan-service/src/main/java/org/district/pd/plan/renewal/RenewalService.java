package org.district.pd.plan.renewal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
        return licenses.find(educatorIds).chain(found -> found.isEmpty() ? Uni.createFrom().item(Map.of())
                : licenses.credits(found.keySet(), zone).chain(credits -> evaluated(found, credits, all)));
    }

    /**
     * The standings of a report's page, as {@link #standings(Collection, SortedMap)}, and what each of its educators
     * earned from {@code start} until {@code end} (exclusive): one scan of their entries serves both.
     */
    public Uni<StandingsAndPeriod> standings(Collection<UUID> educatorIds, SortedMap<String, StoredProfile> all,
            OffsetDateTime start, OffsetDateTime end) {
        return Uni.combine().all()
                .unis(licenses.find(educatorIds), licenses.creditsAndPeriod(educatorIds, zone, start, end)).asTuple()
                .chain(both -> evaluated(both.getItem1(), both.getItem2().credits(), all)
                        .map(standings -> new StandingsAndPeriod(standings, both.getItem2().inPeriod())));
    }

    /** Educators' standings, and their sums in a report's period; one without a license or sums is absent. */
    public record StandingsAndPeriod(Map<UUID, Standing> standings, Map<UUID, List<PeriodUnits>> inPeriod) {
    }

    private Uni<Map<UUID, Standing>> evaluated(Map<UUID, License> found, Map<UUID, List<Credit>> credits,
            SortedMap<String, StoredProfile> all) {
        LocalDate today = LocalDate.now(zone);
        return withEvery(found.values(), all).map(known -> {
            Map<UUID, Standing> standings = new HashMap<>();
            found.forEach((educatorId, license) -> {
                RenewalProfile profile = known.get(license.profile()).profile();
                RenewalStatus status = RenewalRules.evaluate(license.profile(), profile, license.issuedOn(),
                        license.expiresOn(), credits.getOrDefault(educatorId, List.of()), today);
                standings.put(educatorId, new Standing(license, profile, status));
            });
            return standings;
        });
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
