package org.district.pd.plan.roster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of staff in the educator directory, as imported from the district's roster. */
@Entity
public class Educator {

    @Id
    public UUID id;
    public String sourcedId;
    public String givenName;
    public String familyName;
    public String email;
    public String sisId;
    public String username;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> lmsAccounts;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> grades;
    public boolean active;
    public Instant updatedAt;
    @ElementCollection
    @CollectionTable(name = "educator_school", joinColumns = @JoinColumn(name = "educator_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new HashSet<>();

    /** The id in tokens ({@code educator_id}) and on every event, derived from the SIS's sourcedId. */
    public static UUID idOf(String sourcedId) {
        return UUID.nameUUIDFromBytes(("educator:" + sourcedId).getBytes(StandardCharsets.UTF_8));
    }
}
