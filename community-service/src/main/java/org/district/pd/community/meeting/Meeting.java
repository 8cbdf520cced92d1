package org.district.pd.community.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;

/** One meeting of a community, single or an occurrence of a series, with its agenda, notes and check-in secret. */
@Entity
@DynamicUpdate
public class Meeting {

    @Id
    public UUID id;
    public UUID communityId;
    public UUID seriesId;
    public String title;
    public String agenda;
    public String notes;
    public Instant startsAt;
    public int durationMinutes;
    public String location;
    public Instant cancelledAt;
    public byte[] checkInSecret;
    public Instant createdAt;

    public Instant endsAt() {
        return startsAt.plusSeconds(60L * durationMinutes);
    }
}
