package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class EducatorRepository implements PanacheRepositoryBase<Educator, UUID> {

    /** Many snapshots as one JSON parameter, each educator inserted or overwritten. */
    private static final String UPSERT_ALL = """
            insert into educator (id, sourced_id, given_name, family_name, email, active, updated_at)
            select e.id, e.sourced_id, e.given_name, e.family_name, e.email, e.active, e.updated_at
            from jsonb_to_recordset(cast(cast(:educators as text) as jsonb))
                 as e(n int, id uuid, sourced_id text, given_name text, family_name text, email text, active boolean,
                      updated_at timestamptz)
            order by e.n
            on conflict (id) do update set sourced_id = excluded.sourced_id, given_name = excluded.given_name,
                family_name = excluded.family_name, email = excluded.email, active = excluded.active,
                updated_at = excluded.updated_at""";

    private final ObjectMapper json;

    EducatorRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The time of the snapshot each of these educators was last written from; educators not known are absent. */
    public Uni<Map<UUID, Instant>> updatedAt(Collection<UUID> ids) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                        "select e.id, e.updatedAt from Educator e where e.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Instant> times = new HashMap<>();
                    rows.forEach(row -> times.put((UUID) row[0], (Instant) row[1]));
                    return times;
                });
    }

    /** Writes each snapshot's educator with one statement, as plain SQL: nothing of it is managed afterwards. */
    public Uni<Void> upsertAll(List<EducatorSnapshot> snapshots) {
        ArrayNode rows = json.createArrayNode();
        for (EducatorSnapshot snapshot : snapshots) {
            rows.addObject().put("n", rows.size())
                    .put("id", snapshot.educatorId().toString())
                    .put("sourced_id", snapshot.sourcedId())
                    .put("given_name", snapshot.givenName())
                    .put("family_name", snapshot.familyName())
                    .put("email", snapshot.email())
                    .put("active", snapshot.active())
                    .put("updated_at", snapshot.at().toString());
        }
        return getSession().flatMap(session -> session.createNativeQuery(UPSERT_ALL)
                .setParameter("educators", rows.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }
}
