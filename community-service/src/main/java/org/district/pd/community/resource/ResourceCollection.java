package org.district.pd.community.resource;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's own collection of resources. */
@Entity
@Table(name = "collection")
public class ResourceCollection {

    @Id
    public UUID id;
    public UUID ownerId;
    public String name;
    public String description;
    public Instant createdAt;
}
