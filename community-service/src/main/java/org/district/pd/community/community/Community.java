package org.district.pd.community.community;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A PLC, cohort, network or coaching circle: one school's (schoolId) or the whole district's (null). */
@Entity
@DynamicUpdate
public class Community {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CommunityKind kind;
    public String name;
    public String purpose;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    public UUID schoolId;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public boolean creditBearing;
    public Instant createdAt;
    public UUID createdBy;
    public Instant archivedAt;

    /** Whether its discussions, resources and schedule are for members only. */
    public boolean isPrivate() {
        return visibility != Visibility.OPEN;
    }
}
