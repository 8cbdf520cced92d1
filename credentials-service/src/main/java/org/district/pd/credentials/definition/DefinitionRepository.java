package org.district.pd.credentials.definition;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class DefinitionRepository implements PanacheRepositoryBase<CredentialDefinition, CredentialDefinition.Key> {

    /** The draft or published version of a definition, locked: each change starts from the version it read. */
    public Uni<CredentialDefinition> currentLocked(UUID id) {
        return find("id = :id and status in :current", Parameters.with("id", id).and("current",
                List.of(CredentialDefinition.Status.DRAFT, CredentialDefinition.Status.PUBLISHED)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The version readers see: the draft or published one, else the retired last version. */
    public Uni<CredentialDefinition> latest(UUID id) {
        return find("id = :id order by version desc", Parameters.with("id", id)).firstResult();
    }

    public Uni<CredentialDefinition> version(UUID id, int version) {
        return findById(new CredentialDefinition.Key(id, version));
    }

    public Uni<List<CredentialDefinition>> versions(UUID id) {
        return find("id = :id order by version", Parameters.with("id", id)).list();
    }

    /** The latest version of every definition, by name: published ones, or with drafts and retired ones too. */
    public Uni<List<CredentialDefinition>> list(boolean publishedOnly, int page, int size) {
        String which = publishedOnly ? "status = 'PUBLISHED'"
                : "version = (select max(d.version) from CredentialDefinition d where d.id = c.id)";
        return find("from CredentialDefinition c where " + which + " order by name, id").page(page, size).list();
    }

    /** Every version of these definitions. */
    public Uni<List<CredentialDefinition>> allVersions(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in :ids", Parameters.with("ids", ids)).list();
    }

    public Uni<List<CredentialDefinition>> published(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in :ids and status = 'PUBLISHED'", Parameters.with("ids", ids)).list();
    }

    /** The published stacks that count {@code memberId} among their members. */
    public Uni<List<CredentialDefinition>> stacksWith(UUID memberId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                select * from credential_definition where kind = 'STACK' and status = 'PUBLISHED'
                  and jsonb_exists(cast(body as jsonb) -> 'members', cast(:member as text))""",
                CredentialDefinition.class).setParameter("member", memberId.toString()).getResultList());
    }

    /** Published definitions carrying a competency tag, by name. */
    public Uni<List<CredentialDefinition>> publishedWithTag(String tag, int page, int size) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                select * from credential_definition where status = 'PUBLISHED' and :tag = any(competency_tags)
                order by name, id""", CredentialDefinition.class)
                .setParameter("tag", tag).setFirstResult(page * size).setMaxResults(size).getResultList());
    }
}
