package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** Something an educator can complete for credit: a course, workshop, micro-course, conference. */
@Entity
public class Offering {

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public Format format;
    @Column(name = "credit_hours")
    public BigDecimal creditHours;
    @Column(name = "variable_credit")
    public boolean variableCredit;
    /** Null unless {@link #variableCredit}: the most an LMS may report for one completion. */
    @Column(name = "max_credit_hours")
    public BigDecimal maxCreditHours;
    @Enumerated(EnumType.STRING)
    @Column(name = "credit_type")
    public CreditType creditType;
    public String category;
    @Column(name = "created_at")
    public Instant createdAt;
}
