package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** This service's copy of a rostered educator, kept from the pd.roster.educators topic. */
@Entity
public class Educator {

    @Id
    public UUID id;
    public String sourcedId;
    public String givenName;
    public String familyName;
    public String email;
    public boolean active;
    public Instant updatedAt;
}
