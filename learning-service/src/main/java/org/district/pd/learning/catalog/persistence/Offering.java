package org.district.pd.learning.catalog.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.district.pd.learning.catalog.CreditType;
import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.OfferingStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something an educator can complete for credit: a course, workshop, micro-course, conference. */
@Entity
public class Offering {

    @Id
    public UUID id;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public Format format;
    public Integer durationMinutes;
    public BigDecimal creditHours;
    public boolean variableCredit;
    /** Null unless {@link #variableCredit}: the most an LMS may report for one completion. */
    public BigDecimal maxCreditHours;
    @Enumerated(EnumType.STRING)
    public CreditType creditType;
    public String category;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] competencyTags;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] standards;
    public String subject;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] gradeBands;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] careerStages;
    public String provider;
    /** The school whose offering it is; null for the district's. */
    public UUID schoolId;
    /** For offerings with sessions: how many of them, attended, complete the offering. */
    public Integer requiredSessions;
    @Enumerated(EnumType.STRING)
    public OfferingStatus status;
    public Instant createdAt;
    public Instant publishedAt;
    public Instant retiredAt;
    public Instant updatedAt;
    public int ratingCount;
    public int ratingTotal;

    public boolean hasSessions() {
        return format.hasSessions();
    }

    /** How many attended sessions complete it: as set, or one. */
    public int sessionsToComplete() {
        return requiredSessions == null ? 1 : requiredSessions;
    }
}
