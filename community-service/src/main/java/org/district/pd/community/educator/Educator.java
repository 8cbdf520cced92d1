package org.district.pd.community.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An educator as the roster last described them. */
@Entity
public class Educator {

    @Id
    public UUID id;
    public String givenName;
    public String familyName;
    public String email;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] schoolIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] subjects;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] grades;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] gradeBands;
    public boolean active;
    public Instant updatedAt;

    public String displayName() {
        return givenName + " " + familyName;
    }
}
