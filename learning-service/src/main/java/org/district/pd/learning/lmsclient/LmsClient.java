package org.district.pd.learning.lmsclient;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An LMS integration's OAuth client and the one LMS it speaks for, as a district admin bound it. */
@Entity
@Table(name = "lms_client")
public class LmsClient {

    @Id
    public String clientId;
    public String lms;
    public Instant boundAt;
    public String boundBy;
}
