package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** This service's copy of a rostered educator, kept from the pd.roster.educators topic. */
@Entity
public class Educator {

    @Id
    public UUID id;
    @Column(name = "sourced_id")
    public String sourcedId;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    public String email;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
