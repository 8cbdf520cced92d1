package org.district.pd.learning.catalog;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Says which offering an LMS course id stands for, so LMS completions find their credit. */
@Entity
@Table(name = "lms_course_mapping")
public class LmsCourseMapping {

    @Id
    @Column(name = "lms_course_id")
    public String lmsCourseId;
    @Column(name = "offering_id")
    public UUID offeringId;
    @Column(name = "mapped_at")
    public Instant mappedAt;
}
