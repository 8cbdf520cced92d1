package org.district.pd.credentials.educator;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.credentials.educator.EducatorDirectory.Snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class EducatorRepository implements PanacheRepositoryBase<Educator, UUID> {

    /** Many snapshots as one JSON parameter; an educator's row is written unless it holds a newer snapshot. */
    private static final String UPSERT_ALL = """
            insert into educator (id, given_name, family_name, email, school_ids, active, updated_at)
            select e.id, e.given_name, e.family_name, e.email, e.school_ids, e.active, e.updated_at
            from jsonb_to_recordset(cast(cast(:educators as text) as jsonb))
                 as e(id uuid, given_name text, family_name text, email text, school_ids uuid[], active boolean,
                      updated_at timestamptz)
            on conflict (id) do update set given_name = excluded.given_name, family_name = excluded.family_name,
                email = excluded.email, school_ids = excluded.school_ids, active = excluded.active,
                updated_at = excluded.updated_at
            where educator.updated_at <= excluded.updated_at""";

    private final ObjectMapper json;

    EducatorRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes these snapshots, one per educator, with one statement, as plain SQL: nothing of it is managed afterwards.
     * A row holding a newer snapshot keeps it.
     */
    public Uni<Void> upsertAll(Collection<Snapshot> snapshots) {
        ArrayNode rows = json.createArrayNode();
        for (Snapshot snapshot : snapshots) {
            ObjectNode row = rows.addObject().put("id", snapshot.educatorId().toString())
                    .put("given_name", snapshot.givenName()).put("family_name", snapshot.familyName())
                    .put("email", snapshot.email()).put("active", snapshot.active())
                    .put("updated_at", snapshot.at().toString());
            ArrayNode schools = row.putArray("school_ids");
            for (UUID school : snapshot.schoolIds()) {
                schools.add(school.toString());
            }
        }
        return getSession().flatMap(session -> session.createNativeQuery(UPSERT_ALL)
                .setParameter("educators", rows.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The educator's schools; empty for one the roster does not know. */
    public Uni<Set<UUID>> schools(UUID educatorId) {
        return findById(educatorId).map(found -> found == null || found.schoolIds == null ? Set.of()
                : Set.of(found.schoolIds));
    }

    /** Everyone who coaches this teacher on any of their plans. */
    public Uni<List<UUID>> coachesOf(UUID educatorId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select coachId from CoachAssignment where educatorId = :educator and coachId is not null", UUID.class)
                .setParameter("educator", educatorId).getResultList());
    }
}
