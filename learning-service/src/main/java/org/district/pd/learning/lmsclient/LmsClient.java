package org.district.pd.learning.lmsclient;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An LMS integration's OAuth client and the one LMS it speaks for, as a district admin bound it. */
@Entity
@Table(name = "lms_client")
public class LmsClient {

    @Id
    @Column(name = "client_id")
    public String clientId;
    public String lms;
    @Column(name = "bound_at")
    public Instant boundAt;
    @Column(name = "bound_by")
    public String boundBy;
}
