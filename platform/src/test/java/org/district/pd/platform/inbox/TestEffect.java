package org.district.pd.platform.inbox;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One application of {@link CountingHandler}'s effect. */
@Entity
@Table(name = "inbox_test_effect")
public class TestEffect {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
}
