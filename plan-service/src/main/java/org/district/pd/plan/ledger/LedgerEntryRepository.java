package org.district.pd.plan.ledger;

import java.time.Instant;
import java.util.List;
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
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /**
     * The entries, in order, as one JSON parameter (one round trip whatever their number), and for each whose source
     * was taken back before it came the reversing entry, as {@link LedgerService} writes one entry at a time (in the
     * ledger's feed a run's reversals come after its entries, each after its own entry).
     */
    private static final String INSERT_ALL = """
            with entry as (
                insert into ledger_entry (id, educator_id, event_id, event_type, source_ref, offering_id, occurred_at,
                                          credit_hours, credit_type, category, activity_source, recorded_at, provider,
                                          earned_at)
                select e.id, e.educator_id, e.event_id, e.event_type, e.source_ref, e.offering_id, e.occurred_at,
                       e.credit_hours, e.credit_type, e.category, e.activity_source, e.recorded_at, e.provider,
                       e.earned_at
                from jsonb_to_recordset(cast(cast(:entries as text) as jsonb))
                     as e(n int, id uuid, educator_id uuid, event_id uuid, event_type text, source_ref text,
                          offering_id uuid, occurred_at timestamptz, credit_hours numeric, credit_type text,
                          category text, activity_source text, recorded_at timestamptz, provider text,
                          earned_at timestamptz)
                order by e.n
                returning *)
            insert into ledger_entry (id, educator_id, event_id, event_type, source_ref, offering_id, occurred_at,
                                      credit_hours, credit_type, category, activity_source, recorded_at, provider,
                                      earned_at)
            select gen_random_uuid(), e.educator_id, t.event_id, t.event_type, e.source_ref, e.offering_id, t.taken_at,
                   -e.credit_hours, e.credit_type, e.category, :reversal, :now, e.provider, e.earned_at
            from entry e join ledger_takeback t on t.educator_id = e.educator_id and t.source_ref = e.source_ref""";

    private final ObjectMapper json;

    LedgerEntryRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts new entries in one statement, each reversed at once when its source was taken back before it came. */
    Uni<Void> insertAll(List<LedgerEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        for (LedgerEntry entry : entries) {
            rows.addObject()
                    .put("n", rows.size())
                    .put("id", entry.id.toString())
                    .put("educator_id", entry.educatorId.toString())
                    .put("event_id", entry.eventId.toString())
                    .put("event_type", entry.eventType)
                    .put("source_ref", entry.sourceRef)
                    .put("offering_id", entry.offeringId == null ? null : entry.offeringId.toString())
                    .put("occurred_at", entry.occurredAt.toString())
                    .put("credit_hours", entry.creditHours)
                    .put("credit_type", entry.creditType)
                    .put("category", entry.category)
                    .put("activity_source", entry.activitySource)
                    .put("recorded_at", entry.recordedAt.toString())
                    .put("provider", entry.provider)
                    .put("earned_at", entry.earnedAt.toString());
        }
        return getSession().flatMap(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter("entries", rows.toString())
                .setParameter("reversal", LedgerService.REVERSAL)
                .setParameter("now", now)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate())
                .replaceWithVoid();
    }
}
