package org.district.pd.learning.catalog.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Says which offering an xAPI activity stands for; each activity id maps to one offering. */
@Entity
public class XapiActivityMapping {

    @Id
    public String activityId;
    public UUID offeringId;
    public Instant mappedAt;
}
