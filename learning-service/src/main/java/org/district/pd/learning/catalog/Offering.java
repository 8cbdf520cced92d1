package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

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
    public BigDecimal creditHours;
    public boolean variableCredit;
    /** Null unless {@link #variableCredit}: the most an LMS may report for one completion. */
    public BigDecimal maxCreditHours;
    @Enumerated(EnumType.STRING)
    public CreditType creditType;
    public String category;
    public Instant createdAt;
}
