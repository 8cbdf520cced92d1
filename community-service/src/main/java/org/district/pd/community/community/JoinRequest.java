package org.district.pd.community.community;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;

/** A teacher's request to join a REQUEST community, or a facilitator's invitation to an INVITE one. */
@Entity
@DynamicUpdate
public class JoinRequest {

    public enum Kind {
        REQUEST, INVITATION
    }

    public enum Status {
        PENDING, APPROVED, DECLINED, WITHDRAWN
    }

    @Id
    public UUID id;
    public UUID communityId;
    public UUID educatorId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String note;
    public Instant createdAt;
    public UUID createdBy;
    public Instant decidedAt;
    public UUID decidedBy;
}
