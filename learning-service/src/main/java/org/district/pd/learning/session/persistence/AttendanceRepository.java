package org.district.pd.learning.session.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, UUID> {

    private static final String INSERT = """
            insert into attendance (id, session_id, offering_id, educator_id, method, minutes, credit_hours,
                                    recorded_at, recorded_by, statement_id)
            values (:id, :session, :offering, :educator, :method, :minutes, :credit, :recordedAt, :recordedBy,
                    :statement)
            on conflict (session_id, educator_id) where voided_at is null do nothing""";

    /**
     * Records the attendance unless one is recorded already for the educator and session (also by a transaction
     * racing this one, which this waits for); says whether it was new.
     */
    public Uni<Boolean> insertNew(Attendance attendance) {
        return getSession().flatMap(session -> session.createNativeQuery(INSERT)
                .setParameter("id", attendance.id)
                .setParameter("session", attendance.sessionId)
                .setParameter("offering", attendance.offeringId)
                .setParameter("educator", attendance.educatorId)
                .setParameter("method", attendance.method.name())
                .setParameter("minutes", attendance.minutes)
                .setParameter("credit", attendance.creditHours)
                .setParameter("recordedAt", attendance.recordedAt)
                .setParameter("recordedBy", attendance.recordedBy)
                .setParameter("statement", attendance.statementId)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Attendance> of(UUID sessionId, UUID educatorId) {
        return find("sessionId = ?1 and educatorId = ?2 and voidedAt is null", sessionId, educatorId).firstResult();
    }

    public Uni<List<Attendance>> ofSession(UUID sessionId) {
        return list("sessionId = ?1 and voidedAt is null order by recordedAt, educatorId", sessionId);
    }

    /** How many sessions of the offering the educator attended. */
    public Uni<Long> attendedSessions(UUID educatorId, UUID offeringId) {
        return count("educatorId = ?1 and offeringId = ?2 and voidedAt is null", educatorId, offeringId);
    }

    /** The live attendances these statements recorded, locked: two takebacks of one take turns. */
    public Uni<List<Attendance>> recordedByLocked(Collection<UUID> statementIds) {
        return find("statementId in ?1 and voidedAt is null", statementIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The educator's live attendance of the session, locked; null when there is none. */
    public Uni<Attendance> ofLocked(UUID sessionId, UUID educatorId) {
        return find("sessionId = ?1 and educatorId = ?2 and voidedAt is null", sessionId, educatorId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
