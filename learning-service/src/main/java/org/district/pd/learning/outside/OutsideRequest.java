package org.district.pd.learning.outside;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.district.pd.learning.catalog.CreditType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A teacher's request for credit for professional learning outside the catalog. */
@Entity
public class OutsideRequest {

    @Id
    public UUID id;
    public UUID educatorId;
    /** The school whose principal decides. */
    public UUID schoolId;
    public String title;
    public String provider;
    public String description;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public BigDecimal creditHours;
    @Enumerated(EnumType.STRING)
    public CreditType creditType;
    public String category;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] competencyTags;
    public String evidenceUrl;
    public boolean preApproval;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Set on approval: the completion course.completed announced. */
    public UUID completionId;
    public Instant createdAt;
    public Instant updatedAt;

    /**
     * Where a request stands. With pre-approval it starts PENDING_PRE_APPROVAL and, pre-approved, waits for the
     * evidence; without, it starts SUBMITTED. APPROVED, DENIED and WITHDRAWN are final.
     */
    public enum Status {
        PENDING_PRE_APPROVAL, PRE_APPROVED, SUBMITTED, APPROVED, DENIED, WITHDRAWN;

        public boolean isFinal() {
            return this == APPROVED || this == DENIED || this == WITHDRAWN;
        }
    }
}
