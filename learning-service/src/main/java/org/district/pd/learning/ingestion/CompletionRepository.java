package org.district.pd.learning.ingestion;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class CompletionRepository implements PanacheRepositoryBase<Completion, UUID> {

    public Uni<List<String>> knownExternalIds(String clientId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery("""
                select c.externalId from Completion c where c.clientId = :client and c.externalId in :ids
                union
                select h.externalId from HeldCompletion h where h.clientId = :client and h.externalId in :ids""",
                String.class)
                .setParameter("client", clientId)
                .setParameter("ids", externalIds)
                .getResultList());
    }
}
