package org.district.pd.credentials.definition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a micro-credential or stack definition; {@link #body} is the definition as written, in JSON. */
@Entity
@IdClass(CredentialDefinition.Key.class)
public class CredentialDefinition {

    @Id
    public UUID id;
    @Id
    public int version;
    @Enumerated(EnumType.STRING)
    public DefinitionBody.Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String name;
    public String competency;
    public BigDecimal creditHours;
    public Integer validityMonths;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] competencyTags;
    public String body;
    public Instant createdAt;
    public String createdBy;
    public Instant publishedAt;

    /**
     * DRAFT until published; a published version is SUPERSEDED by the next one, and RETIRED ends the definition: no
     * new submissions, while awards already made stay valid.
     */
    public enum Status {
        DRAFT, PUBLISHED, SUPERSEDED, RETIRED
    }

    public record Key(UUID id, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
