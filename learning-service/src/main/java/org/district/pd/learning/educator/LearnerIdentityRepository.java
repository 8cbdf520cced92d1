package org.district.pd.learning.educator;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.LearnerIdentity.Kind;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LearnerIdentityRepository implements PanacheRepositoryBase<LearnerIdentity, LearnerIdentity.Key> {

    public Uni<List<LearnerIdentity>> find(Kind kind, Collection<String> values) {
        return values.isEmpty() ? Uni.createFrom().item(List.of()) : list("key.kind = ?1 and key.value in ?2", kind, values);
    }

    public Uni<Long> deleteOf(UUID educatorId) {
        return delete("educatorId", educatorId);
    }

    /** Frees identities another educator held before, e.g. an email that moved with a re-hire. */
    public Uni<Void> deleteKeys(List<LearnerIdentity.Key> keys) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (LearnerIdentity.Key key : keys) {
            chain = chain.call(() -> delete("key.kind = ?1 and key.value = ?2", key.kind(), key.value()));
        }
        return chain;
    }
}
