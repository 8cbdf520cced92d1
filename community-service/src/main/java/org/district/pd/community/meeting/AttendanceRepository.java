package org.district.pd.community.meeting;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, UUID> {

    /** The educator's attendance in force at the meeting, or null. */
    public Uni<Attendance> of(UUID meetingId, UUID educatorId) {
        return find("meetingId = ?1 and educatorId = ?2 and voidedAt is null", meetingId, educatorId).firstResult();
    }
}
