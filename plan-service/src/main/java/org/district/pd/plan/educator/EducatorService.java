package org.district.pd.plan.educator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.educator.persistence.EducatorRepository;
import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalProfile;
import org.district.pd.plan.renewal.RenewalService;
import org.district.pd.plan.renewal.Standing;
import org.district.pd.plan.renewal.persistence.LicenseRepository;
import org.district.pd.plan.renewal.persistence.ProfileRepository;
import org.district.pd.plan.security.PlanAccess;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;

import io.smallrye.mutiny.Uni;

/** Educators' profiles, licenses and transcripts, for those who may see them. */
@ApplicationScoped
public class EducatorService {

    private final EducatorRepository educators;
    private final LicenseRepository licenses;
    private final ProfileRepository profiles;
    private final RenewalService renewal;
    private final PlanAccess access;
    private final Caller caller;

    EducatorService(EducatorRepository educators, LicenseRepository licenses, ProfileRepository profiles,
            RenewalService renewal, PlanAccess access, Caller caller) {
        this.educators = educators;
        this.licenses = licenses;
        this.profiles = profiles;
        this.renewal = renewal;
        this.access = access;
        this.caller = caller;
    }

    public Uni<EducatorProfile> profile(UUID educatorId) {
        return visible(educatorId).chain(card -> renewal.standing(educatorId)
                .map(standing -> new EducatorProfile(card, standing.map(Standing::license).orElse(null),
                        standing.map(Standing::renewal).orElse(null))));
    }

    /** The transcript; each entry's hours are what its credit is worth under the educator's profile, if licensed. */
    public Uni<Transcript> transcript(UUID educatorId) {
        return visible(educatorId).chain(card -> renewal.standing(educatorId).chain(standing -> educators
                .entries(educatorId).map(entries -> standing
                        .map(held -> new Transcript(card, held.license(), held.renewal(),
                                converted(entries, held.profile())))
                        .orElse(new Transcript(card, null, null, entries)))));
    }

    /** Sets the educator's license; the educator must be in the directory and the profile must exist. */
    public Uni<EducatorProfile> setLicense(UUID educatorId, LicenseRequest request) {
        return educators.card(educatorId).chain(card -> {
            if (card.isEmpty()) {
                throw ProblemException.notFound("No educator " + educatorId + " in the directory");
            }
            return profiles.find(request.profile().strip());
        }).chain(profile -> {
            if (profile.isEmpty()) {
                throw ProblemException.invalid("profile", "names no renewal profile; GET /api/v1/plans/renewal-profiles "
                        + "lists them");
            }
            License license = LicenseRules.license(request, profile.get().code(), profile.get().profile());
            return licenses.save(educatorId, license, caller.name(), Instant.now());
        }).chain(() -> profile(educatorId));
    }

    /** The educator's card when the caller may see them; a 404 for an unknown educator and one out of reach alike. */
    private Uni<EducatorCard> visible(UUID educatorId) {
        return educators.card(educatorId).map(card -> card
                .filter(found -> access.seesEducator(found.educatorId(), found.schoolIds()))
                .orElseThrow(() -> ProblemException.notFound("No educator " + educatorId + " that you may see")));
    }

    private static List<TranscriptEntry> converted(List<TranscriptEntry> entries, RenewalProfile profile) {
        return entries.stream().map(entry -> new TranscriptEntry(entry.earnedAt(), entry.recordedAt(),
                entry.eventType(), entry.activitySource(), entry.reference(), entry.offeringId(), entry.category(),
                entry.creditType(), entry.creditHours(), profile.hours(entry.creditType(), entry.creditHours()),
                entry.provider(), entry.reversal())).toList();
    }
}
