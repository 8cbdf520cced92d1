package org.district.pd.plan.roster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A OneRoster organisation: the district, its schools and any other unit the SIS exports. */
@Entity
public class Org {

    public static final String SCHOOL = "school";

    @Id
    public UUID id;
    public String sourcedId;
    public String name;
    public String type;
    public String identifier;
    public String parentSourcedId;
    public String status;
    public Instant updatedAt;

    /** Every service derives the same id from the SIS's sourcedId, so tokens and events agree without a lookup. */
    public static UUID idOf(String sourcedId) {
        return UUID.nameUUIDFromBytes(("org:" + sourcedId).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isSchool() {
        return SCHOOL.equals(type);
    }
}
