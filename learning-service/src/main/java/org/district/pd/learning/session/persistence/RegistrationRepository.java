package org.district.pd.learning.session.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class RegistrationRepository implements PanacheRepositoryBase<Registration, Registration.Key> {

    /** Who waited longest for a seat, or null when no one waits. */
    public Uni<Registration> firstWaiting(UUID sessionId) {
        return find("key.sessionId = ?1 and status = ?2 order by registeredAt, key.educatorId", sessionId,
                Registration.Status.WAITLISTED).firstResult();
    }

    /** How many wait ahead of someone who joined the waitlist at that registration. */
    public Uni<Long> waitingAhead(Registration registration) {
        return count("key.sessionId = ?1 and status = ?2 and (registeredAt < ?3 or registeredAt = ?3 "
                + "and key.educatorId < ?4)", registration.key.sessionId(), Registration.Status.WAITLISTED,
                registration.registeredAt, registration.key.educatorId());
    }

    public Uni<List<Registration>> ofSession(UUID sessionId) {
        return list("key.sessionId = ?1 and status <> ?2 order by status, registeredAt, key.educatorId", sessionId,
                Registration.Status.CANCELLED);
    }

    public Uni<List<Registration>> ofEducator(UUID educatorId, Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("key.educatorId = ?1 and key.sessionId in ?2", educatorId, sessionIds);
    }

    public Uni<List<Registration>> ofEducator(UUID educatorId, int page, int size) {
        return find("key.educatorId = ?1 order by changedAt desc, key.sessionId", educatorId).page(page, size).list();
    }
}
