package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.security.LearningAccess;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The admin's answer to the queue of unmatched learners: link the identity an LMS used to the educator it means. The
 * link is kept (the roster never drops it) and, in the same transaction, the completions held for it are released.
 * Like the roster, a link never moves an identity another educator holds.
 */
@ApplicationScoped
public class LearnerLinks {

    private final LearnerIdentityRepository identities;
    private final EducatorRepository educators;
    private final List<LearnersIdentified> learnersIdentified;
    private final LearningAccess access;

    LearnerLinks(LearnerIdentityRepository identities, EducatorRepository educators,
            @All List<LearnersIdentified> learnersIdentified, LearningAccess access) {
        this.identities = identities;
        this.educators = educators;
        this.learnersIdentified = learnersIdentified;
        this.access = access;
    }

    @WithTransaction
    public Uni<LinkView> link(NewLink request) {
        LearnerIdentity.Key key = NamedIdentity.of(request.email(), request.sisId(), request.lmsAccount(),
                "email, sisId, lmsAccount");
        Instant now = Instant.now();
        return educators.findById(request.educatorId())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("educatorId",
                        "is not a rostered educator"))
                .flatMap(educator -> identities.holders(List.of(key)))
                .flatMap(holders -> {
                    var holder = holders.get(key);
                    if (holder != null && !holder.equals(request.educatorId())) {
                        throw ProblemException.conflict("That " + key.kind() + " belongs to educator " + holder
                                + "; an identity never moves from one educator to another by a link");
                    }
                    return holder != null ? Uni.createFrom().item(false)
                            : identities.link(key, request.educatorId(), access.name(), now);
                })
                .flatMap(linked -> LearnersIdentified.tellAll(learnersIdentified, List.of(key)))
                .flatMap(credited -> identities.findById(key).map(identity -> new LinkView(key.kind(), key.value(),
                        identity.educatorId, identity.linkedBy, identity.linkedAt, credited)));
    }
}
