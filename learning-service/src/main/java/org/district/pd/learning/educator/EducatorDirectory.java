package org.district.pd.learning.educator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.district.pd.learning.ingestion.HeldCompletionService;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the educator projection and the identities completions are matched by; a new identity releases held
 * completions. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class EducatorDirectory {

    private final EducatorRepository educators;
    private final LearnerIdentityRepository identities;
    private final HeldCompletionService held;

    EducatorDirectory(EducatorRepository educators, LearnerIdentityRepository identities, HeldCompletionService held) {
        this.educators = educators;
        this.identities = identities;
        this.held = held;
    }

    public Uni<Void> apply(EducatorSnapshot snapshot) {
        List<LearnerIdentity> current = identitiesOf(snapshot);
        return educators.findById(snapshot.educatorId())
                .map(found -> found == null ? new Educator() : found)
                .flatMap(educator -> educators.persist(update(educator, snapshot)))
                .call(saved -> identities.deleteOf(snapshot.educatorId()))
                .call(saved -> identities.deleteKeys(current.stream().map(identity -> identity.key).toList()))
                .call(saved -> identities.persist(current))
                .call(saved -> identities.flush())
                .call(saved -> held.releaseForLearner(current))
                .replaceWithVoid();
    }

    private static Educator update(Educator educator, EducatorSnapshot snapshot) {
        educator.id = snapshot.educatorId();
        educator.sourcedId = snapshot.sourcedId();
        educator.givenName = snapshot.givenName();
        educator.familyName = snapshot.familyName();
        educator.email = snapshot.email();
        educator.active = snapshot.active();
        educator.updatedAt = snapshot.at();
        return educator;
    }

    /** The sourcedId and the human SIS identifier both count as SIS ids: LMSs are set up with either. */
    private static List<LearnerIdentity> identitiesOf(EducatorSnapshot snapshot) {
        List<LearnerIdentity> all = new ArrayList<>();
        if (snapshot.email() != null && !snapshot.email().isBlank()) {
            all.add(LearnerIdentity.of(Kind.EMAIL, snapshot.email().strip().toLowerCase(Locale.ROOT), snapshot.educatorId()));
        }
        all.add(LearnerIdentity.of(Kind.SIS_ID, snapshot.sourcedId(), snapshot.educatorId()));
        if (snapshot.sisId() != null && !snapshot.sisId().isBlank() && !snapshot.sisId().equals(snapshot.sourcedId())) {
            all.add(LearnerIdentity.of(Kind.SIS_ID, snapshot.sisId().strip(), snapshot.educatorId()));
        }
        snapshot.lmsAccounts().stream().filter(account -> account != null && !account.isBlank()).map(String::strip)
                .distinct().forEach(account -> all.add(LearnerIdentity.of(Kind.LMS_ACCOUNT, account, snapshot.educatorId())));
        return all;
    }
}
