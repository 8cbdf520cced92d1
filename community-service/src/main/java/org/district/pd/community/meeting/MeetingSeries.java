package org.district.pd.community.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A recurring meeting's rule; its occurrences are meetings of their own. */
@Entity
public class MeetingSeries {

    @Id
    public UUID id;
    public UUID communityId;
    public String rrule;
    public Instant firstStartsAt;
    public int durationMinutes;
    public String timeZone;
    public Instant createdAt;
    public UUID createdBy;
}
