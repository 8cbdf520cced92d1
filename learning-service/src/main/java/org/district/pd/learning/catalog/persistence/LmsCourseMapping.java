package org.district.pd.learning.catalog.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.district.pd.learning.catalog.LmsCourse;

/** Says which offering a course of one LMS stands for, so that LMS's completions find their credit. */
@Entity
@Table(name = "lms_course_mapping")
public class LmsCourseMapping {

    @EmbeddedId
    public Key key;
    public UUID offeringId;
    public Instant mappedAt;

    public LmsCourse course() {
        return new LmsCourse(key.lms(), key.courseId());
    }

    /** The LMS and its course id; unique across offerings. */
    @Embeddable
    public record Key(String lms, @Column(name = "lms_course_id") String courseId) implements Serializable {
    }
}
