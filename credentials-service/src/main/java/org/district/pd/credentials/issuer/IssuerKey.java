package org.district.pd.credentials.issuer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of the issuer's signing keys; the private half is AES-256-GCM encrypted under the key-encryption key. */
@Entity
public class IssuerKey {

    @Id
    public String kid;
    public String algorithm;
    public String publicJwk;
    public byte[] privateKey;
    public byte[] nonce;
    public Instant createdAt;
    /** Set when a newer key took over signing; the key stays published so that what it signed still verifies. */
    public Instant retiredAt;
}
