package org.district.pd.community.community;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;

/** One period of an educator's membership of a community; current while endedAt is null. */
@Entity
@DynamicUpdate
public class Member {

    public enum Role {
        MEMBER, FACILITATOR
    }

    public enum Ending {
        LEFT, REMOVED
    }

    @Id
    public UUID id;
    public UUID communityId;
    public UUID educatorId;
    @Enumerated(EnumType.STRING)
    public Role role;
    public Instant joinedAt;
    public UUID addedBy;
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    public Ending endedHow;
    public UUID endedBy;
    public String endReason;

    public boolean facilitates() {
        return role == Role.FACILITATOR;
    }

    static Member joining(UUID communityId, UUID educatorId, Role role, UUID addedBy, Instant at) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.communityId = communityId;
        member.educatorId = educatorId;
        member.role = role;
        member.joinedAt = at;
        member.addedBy = addedBy;
        return member;
    }
}
