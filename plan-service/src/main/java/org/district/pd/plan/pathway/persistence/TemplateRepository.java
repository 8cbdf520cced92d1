package org.district.pd.plan.pathway.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.pathway.Template;
import org.district.pd.plan.pathway.TemplateView;
import org.district.pd.platform.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Template versions: each edit inserts the next version, and none is ever changed. */
@ApplicationScoped
public class TemplateRepository {

    private static final String COLUMNS = "id, version, school_id, body::text as body, created_by, created_at";

    /** The next version of {@code $1}, or 1; the primary key refuses a second writer of the same version. */
    private static final String INSERT = """
            insert into pathway_template (id, version, school_id, name, body, created_by, created_at)
            select $1::uuid, coalesce(max(version), 0) + 1, $2::uuid, $3::text, $4::text::jsonb, $5::text,
                   $6::timestamptz
            from pathway_template where id = $1::uuid
            returning""" + " " + COLUMNS;

    private static final String LATEST = "select " + COLUMNS + " from pathway_template where id = $1"
            + " order by version desc limit 1";

    private static final String VERSION = "select " + COLUMNS + " from pathway_template where id = $1 and version = $2";

    /** The latest version of each template that is district-wide or of one of the schools, by name. */
    private static final String LIST = """
            select * from (
                select distinct on (id) name, %s from pathway_template
                where ($1::uuid[] is null or school_id is null or school_id = any($1::uuid[]))
                  and ($2::uuid is null or school_id = $2::uuid)
                order by id, version desc) latest
            order by name, id limit $3 offset $4""".formatted(COLUMNS);

    private final Pool pool;
    private final ObjectMapper json;

    TemplateRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<TemplateView> insert(UUID id, UUID schoolId, Template template, String createdBy, Instant now) {
        Tuple parameters = Tuple.of(id, schoolId, template.name(), write(template), createdBy,
                now.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT).execute(parameters).map(rows -> view(rows.iterator().next()));
    }

    public Uni<Optional<TemplateView>> latest(UUID id) {
        return pool.preparedQuery(LATEST).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    public Uni<Optional<TemplateView>> version(UUID id, int version) {
        return pool.preparedQuery(VERSION).execute(Tuple.of(id, version))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /** Latest versions visible in {@code schools} (null: every school), optionally of one school only. */
    public Uni<List<TemplateView>> list(Set<UUID> schools, UUID schoolId, PageRequest page) {
        Tuple parameters = Tuple.tuple().addArrayOfUUID(schools == null ? null : schools.toArray(UUID[]::new))
                .addUUID(schoolId).addInteger(page.size()).addInteger(page.page() * page.size());
        return pool.preparedQuery(LIST).execute(parameters).map(rows -> {
            List<TemplateView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    private TemplateView view(Row row) {
        try {
            return new TemplateView(row.getUUID("id"), row.getInteger("version"), row.getUUID("school_id"),
                    json.readValue(row.getString("body"), Template.class), row.getString("created_by"),
                    row.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template cannot be read", e);
        }
    }

    private String write(Template template) {
        try {
            return json.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a template cannot be written as JSON", e);
        }
    }
}
