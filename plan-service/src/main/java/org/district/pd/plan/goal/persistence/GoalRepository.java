package org.district.pd.plan.goal.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.goal.GoalRequest;
import org.district.pd.plan.goal.GoalView;
import org.district.pd.platform.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** District and school goals. */
@ApplicationScoped
public class GoalRepository {

    private static final String COLUMNS = """
            id, school_id, aligned_to, title, description, competency_tags::text as tags, school_year, created_by,
            created_at, updated_at""";

    private static final String INSERT = """
            insert into goal (id, school_id, aligned_to, title, description, competency_tags, school_year, created_by,
                              created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $9)
            returning""" + " " + COLUMNS;

    private static final String UPDATE = """
            update goal set aligned_to = $2, title = $3, description = $4, competency_tags = $5::text::jsonb,
                            school_year = $6, updated_at = $7
            where id = $1
            returning""" + " " + COLUMNS;

    private static final String FIND = "select " + COLUMNS + " from goal where id = $1";

    /** District goals and those of {@code $1}'s schools (null: every school), of a year when asked, by title. */
    private static final String LIST = "select " + COLUMNS + """
             from goal
            where ($1::uuid[] is null or school_id is null or school_id = any($1::uuid[]))
              and ($2::uuid is null or school_id = $2::uuid) and ($3::text is null or school_year = $3::text)
            order by school_year desc, title, id limit $4 offset $5""";

    private final Pool pool;
    private final ObjectMapper json;

    GoalRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<GoalView> insert(UUID id, GoalRequest goal, String createdBy, Instant now) {
        Tuple parameters = Tuple.tuple().addUUID(id).addUUID(goal.schoolId()).addUUID(goal.alignedTo())
                .addString(goal.title()).addString(goal.description()).addString(write(goal.competencyTags()))
                .addString(goal.schoolYear()).addString(createdBy).addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT).execute(parameters).map(rows -> view(rows.iterator().next()));
    }

    public Uni<GoalView> update(UUID id, GoalRequest goal, Instant now) {
        Tuple parameters = Tuple.tuple().addUUID(id).addUUID(goal.alignedTo()).addString(goal.title())
                .addString(goal.description()).addString(write(goal.competencyTags())).addString(goal.schoolYear())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(UPDATE).execute(parameters).map(rows -> view(rows.iterator().next()));
    }

    public Uni<Optional<GoalView>> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    public Uni<List<GoalView>> list(Set<UUID> schools, UUID schoolId, String schoolYear, PageRequest page) {
        Tuple parameters = Tuple.tuple().addArrayOfUUID(schools == null ? null : schools.toArray(UUID[]::new))
                .addUUID(schoolId).addString(schoolYear).addInteger(page.size())
                .addInteger(page.page() * page.size());
        return pool.preparedQuery(LIST).execute(parameters).map(rows -> {
            List<GoalView> goals = new ArrayList<>();
            rows.forEach(row -> goals.add(view(row)));
            return goals;
        });
    }

    private GoalView view(Row row) {
        try {
            return new GoalView(row.getUUID("id"), row.getUUID("school_id"), row.getUUID("aligned_to"),
                    row.getString("title"), row.getString("description"),
                    json.readValue(row.getString("tags"), new TypeReference<List<String>>() {
                    }), row.getString("school_year"), row.getString("created_by"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored goal cannot be read", e);
        }
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags cannot be written as JSON", e);
        }
    }
}
