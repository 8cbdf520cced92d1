package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.learning.educator.LearnerIdentity.Key;
import org.district.pd.learning.educator.LearnerIdentity.Kind;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Identities are read as plain values, never as managed entities: the roster projection changes them with SQL in the
 * same session, and a managed copy would go on answering with the educator it had before.
 */
@ApplicationScoped
@WithSession
public class LearnerIdentityRepository implements PanacheRepositoryBase<LearnerIdentity, Key> {

    private static final String TAKE = """
            insert into learner_identity (kind, value, educator_id) values (:kind, :value, :educator)
            on conflict do nothing""";

    private static final String TAKE_ALL = """
            insert into learner_identity (kind, value, educator_id)
            select i.kind, i.value, i.educator_id
            from jsonb_to_recordset(cast(cast(:identities as text) as jsonb))
                 as i(n int, kind text, value text, educator_id uuid)
            order by i.n
            on conflict do nothing""";

    private final ObjectMapper json;

    LearnerIdentityRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Who holds each of the given identities, in one query; identities nobody holds are absent. */
    public Uni<Map<Key, UUID>> holders(Collection<Key> keys) {
        Map<Kind, List<String>> byKind = keys.stream().collect(Collectors.groupingBy(Key::kind,
                Collectors.mapping(Key::value, Collectors.toList())));
        if (byKind.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> matches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        byKind.forEach((kind, values) -> {
            matches.add("(i.key.kind = :" + kind + "_kind and i.key.value in :" + kind + "_values)");
            parameters.put(kind + "_kind", kind);
            parameters.put(kind + "_values", values);
        });
        return getSession().flatMap(session -> {
            var query = session.createSelectionQuery("select i.key.kind, i.key.value, i.educatorId from LearnerIdentity i"
                    + " where " + String.join(" or ", matches), Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            Map<Key, UUID> holders = new HashMap<>();
            rows.forEach(row -> holders.put(new Key((Kind) row[0], (String) row[1]), (UUID) row[2]));
            return holders;
        });
    }

    /** The identities the roster gave the educator; those linked by hand are not the roster's to drop. */
    public Uni<List<Key>> heldBy(UUID educatorId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select i.key.kind, i.key.value from LearnerIdentity i where i.educatorId = :educator"
                + " and i.linkedBy is null", Object[].class)
                .setParameter("educator", educatorId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Key((Kind) row[0], (String) row[1])).toList());
    }

    /** {@link #heldBy} of many educators in one query, by educator; those holding none are absent. */
    public Uni<Map<UUID, List<Key>>> heldByAll(Collection<UUID> educatorIds) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select i.educatorId, i.key.kind, i.key.value from LearnerIdentity i"
                + " where i.educatorId in :educators and i.linkedBy is null", Object[].class)
                .setParameter("educators", educatorIds)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> (UUID) row[0],
                        Collectors.mapping(row -> new Key((Kind) row[1], (String) row[2]), Collectors.toList()))));
    }

    /**
     * Gives free identities to their educators with one statement, in {@link Key#ORDER}; how many were given, fewer
     * when another educator took one meanwhile.
     */
    public Uni<Integer> takeAll(Map<Key, UUID> identities) {
        ArrayNode rows = json.createArrayNode();
        identities.entrySet().stream().sorted(Map.Entry.comparingByKey(Key.ORDER)).forEach(identity -> rows.addObject()
                .put("n", rows.size())
                .put("kind", identity.getKey().kind().name())
                .put("value", identity.getKey().value())
                .put("educator_id", identity.getValue().toString()));
        return getSession().flatMap(session -> session.createNativeQuery(TAKE_ALL)
                .setParameter("identities", rows.toString())
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate());
    }

    /** Gives a free identity to an educator; false when another educator holds it, even one that just took it. */
    public Uni<Boolean> take(Key key, UUID educatorId) {
        return getSession().flatMap(session -> session.createNativeQuery(TAKE)
                .setParameter("kind", key.kind().name())
                .setParameter("value", key.value())
                .setParameter("educator", educatorId)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Links a free identity to an educator by hand; false when another educator holds it. */
    public Uni<Boolean> link(Key key, UUID educatorId, String by, Instant at) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                insert into learner_identity (kind, value, educator_id, linked_by, linked_at)
                values (:kind, :value, :educator, :by, :at)
                on conflict do nothing""")
                .setParameter("kind", key.kind().name())
                .setParameter("value", key.value())
                .setParameter("educator", educatorId)
                .setParameter("by", by)
                .setParameter("at", at)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Void> giveUp(UUID educatorId, Key key) {
        return delete("educatorId = ?1 and key.kind = ?2 and key.value = ?3", educatorId, key.kind(), key.value())
                .replaceWithVoid();
    }
}
