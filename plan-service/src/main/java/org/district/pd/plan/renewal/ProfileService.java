package org.district.pd.plan.renewal;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.plan.renewal.persistence.ProfileRepository;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** The renewal profiles: the built-in states' written at start when absent, and those a district admin defines. */
@ApplicationScoped
public class ProfileService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");

    private final ProfileRepository profiles;
    private final Caller caller;

    ProfileService(ProfileRepository profiles, Caller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    /** Blocks the start (not an event loop) until the built-in profiles are there, as licenses refer to them. */
    void seed(@Observes StartupEvent start) {
        profiles.seed(BuiltInProfiles.ALL, Instant.now()).await().indefinitely();
    }

    public Uni<List<StoredProfile>> list() {
        return profiles.all().map(all -> List.copyOf(all.values()));
    }

    public Uni<StoredProfile> find(String code) {
        return profiles.find(code).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No renewal profile " + code)));
    }

    /** Defines the profile {@code code} or changes it; licenses bound to it follow the change at once. */
    public Uni<StoredProfile> define(String code, RenewalProfile profile) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be 2 to 20 upper-case letters, digits or hyphens, "
                    + "starting with a letter, such as TX or OH-5Y");
        }
        if (profile.carryOver() != null && profile.carryOver().lastYears() > profile.windowYears()) {
            throw ProblemException.invalid("carryOver.lastYears", "must not be more than windowYears");
        }
        return profiles.save(code, profile, caller.name(), Instant.now());
    }
}
