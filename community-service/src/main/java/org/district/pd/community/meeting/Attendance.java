package org.district.pd.community.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;

/** An educator's attendance at a meeting, recorded once; a voided one is kept, with who voided it and why. */
@Entity
@DynamicUpdate
public class Attendance {

    public enum Source {
        FACILITATOR, CHECK_IN
    }

    @Id
    public UUID id;
    public UUID meetingId;
    public UUID educatorId;
    public int minutes;
    @Enumerated(EnumType.STRING)
    public Source source;
    public Instant recordedAt;
    public UUID recordedBy;
    public Instant voidedAt;
    public UUID voidedBy;
    public String voidReason;
}
