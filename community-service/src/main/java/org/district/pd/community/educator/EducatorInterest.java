package org.district.pd.community.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The tags a teacher chose for themselves: what they care about and would connect over. */
@Entity
public class EducatorInterest {

    @Id
    public UUID educatorId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    public Instant updatedAt;
}
