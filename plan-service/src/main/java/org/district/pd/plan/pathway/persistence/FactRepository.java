package org.district.pd.plan.pathway.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.plan.pathway.Fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The facts about each educator: written inside the inbox's transaction, each once, and read for the engine. */
@ApplicationScoped
public class FactRepository {

    private static final String RECORD = """
            insert into educator_fact (fact_id, educator_id, kind, occurred_at, subject, tags, format, category, hours,
                                       reverses)
            values (:id, :educator, :kind, :time, :subject, cast(cast(:tags as text) as jsonb), :format, :category,
                    :hours, :reverses)
            on conflict do nothing""";

    private static final String OF_EDUCATOR = """
            select fact_id, kind, occurred_at, subject, tags::text as tags, format, category, hours, reverses
            from educator_fact where educator_id = $1""";

    private final Pool pool;
    private final ObjectMapper json;

    FactRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Records {@code fact} in the current transaction; a fact recorded before (a redelivery) changes nothing. */
    public Uni<Void> record(UUID educatorId, Fact fact) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD)
                .setParameter("id", fact.id())
                .setParameter("educator", educatorId)
                .setParameter("kind", fact.kind().name())
                .setParameter("time", fact.time())
                .setParameter("subject", fact.subject())
                .setParameter("tags", write(fact.tags()))
                .setParameter("format", fact.format())
                .setParameter("category", fact.category())
                .setParameter("hours", fact.hours())
                .setParameter("reverses", fact.reverses())
                // Touches no entity table: skip the automatic flush, which dirty-checks the whole session.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Fact>> of(UUID educatorId) {
        return pool.preparedQuery(OF_EDUCATOR).execute(Tuple.of(educatorId)).map(rows -> {
            List<Fact> facts = new ArrayList<>();
            rows.forEach(row -> facts.add(new Fact(row.getString("fact_id"), Fact.Kind.valueOf(row.getString("kind")),
                    row.getOffsetDateTime("occurred_at").toInstant(), row.getString("subject"),
                    read(row.getString("tags")), row.getString("format"), row.getString("category"),
                    row.getBigDecimal("hours"),
                    row.getString("reverses"))));
            return facts;
        });
    }

    private String write(Set<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags cannot be written as JSON", e);
        }
    }

    private Set<String> read(String tags) {
        try {
            return json.readValue(tags, new TypeReference<LinkedHashSet<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags cannot be read", e);
        }
    }
}
