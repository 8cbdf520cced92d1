package org.district.pd.plan.educator.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.educator.EducatorCard;
import org.district.pd.plan.educator.TranscriptEntry;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The directory's educators as their profile shows them, and their ledger entries in the order they were earned. */
@ApplicationScoped
public class EducatorRepository {

    private static final String CARD = """
            select e.id, e.sourced_id, e.given_name, e.family_name, e.email, e.active, e.roles,
                   e.roster_source -> 'user' ->> 'metadata.pd.hireDate' as hire_date,
                   e.snapshot ->> 'careerStage' as career_stage, json_list(e.snapshot -> 'subjects') as subjects,
                   array(select distinct b from unnest(e.grades) g, grade_band(g) b where b is not null order by b)
                       as grade_bands,
                   array(select s.school_id from educator_school s where s.educator_id = e.id order by s.school_id)
                       as school_ids
            from educator e where e.id = $1""";
    private static final String BY_SOURCED_IDS = "select sourced_id, id from educator where sourced_id = any($1)";
    private static final String EXISTING = "select id from educator where id = any($1)";
    private static final String ENTRIES = """
            select earned_at, recorded_at, event_type, activity_source, source_ref, offering_id, category, credit_type,
                   credit_hours, provider
            from ledger_entry where educator_id = $1 order by earned_at, recorded_at, id""";

    private final Pool pool;

    EducatorRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<EducatorCard>> card(UUID educatorId) {
        return pool.preparedQuery(CARD).execute(Tuple.of(educatorId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(card(rows.iterator().next())));
    }

    /** The ids of the educators with these sourcedIds; those not in the directory are absent. */
    public Uni<Map<String, UUID>> ids(Collection<String> sourcedIds) {
        return pool.preparedQuery(BY_SOURCED_IDS).execute(Tuple.of(sourcedIds.toArray(String[]::new))).map(rows -> {
            Map<String, UUID> ids = new HashMap<>();
            rows.forEach(row -> ids.put(row.getString("sourced_id"), row.getUUID("id")));
            return ids;
        });
    }

    /** Which of these ids are educators in the directory. */
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        return pool.preparedQuery(EXISTING).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Set<UUID> found = new HashSet<>();
            rows.forEach(row -> found.add(row.getUUID("id")));
            return found;
        });
    }

    /** Every entry of the educator, reversals with what they reverse; one teacher's are a few hundred at most. */
    public Uni<List<TranscriptEntry>> entries(UUID educatorId) {
        return pool.preparedQuery(ENTRIES).execute(Tuple.of(educatorId)).map(rows -> {
            List<TranscriptEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                String source = row.getString("activity_source");
                entries.add(new TranscriptEntry(instant(row.getOffsetDateTime("earned_at")),
                        instant(row.getOffsetDateTime("recorded_at")), row.getString("event_type"), source,
                        row.getString("source_ref"), row.getUUID("offering_id"), row.getString("category"),
                        row.getString("credit_type"), row.getBigDecimal("credit_hours"), null,
                        row.getString("provider"), "REVERSAL".equals(source)));
            }
            return entries;
        });
    }

    private static EducatorCard card(Row row) {
        JsonArray subjects = (JsonArray) row.getValue("subjects");
        return new EducatorCard(row.getUUID("id"), row.getString("sourced_id"), row.getString("given_name"),
                row.getString("family_name"), row.getString("email"), row.getBoolean("active"),
                List.of(row.getArrayOfUUIDs("school_ids")), List.of(row.getArrayOfStrings("roles")),
                date(row.getString("hire_date")), row.getString("career_stage"),
                subjects == null ? List.of() : subjects.stream().map(String::valueOf).toList(),
                List.of(row.getArrayOfStrings("grade_bands")));
    }

    /** The roster's hire date; the import refused a row whose date it could not read, so this is one or none. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value.toInstant();
    }
}
