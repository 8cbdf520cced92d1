package org.district.pd.plan.renewal.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.renewal.RenewalProfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Renewal profiles by code, each a {@link RenewalProfile} kept as JSON. */
@ApplicationScoped
public class ProfileRepository {

    /** A stored profile: whether it is one the service started with, and who changed it last. */
    public record StoredProfile(String code, RenewalProfile profile, boolean builtIn, Instant updatedAt,
            String updatedBy) {
    }

    private static final String ALL = "select code, body, built_in, updated_at, updated_by from renewal_profile order by code";
    private static final String ONE = "select code, body, built_in, updated_at, updated_by from renewal_profile where code = $1";
    private static final String SEED = """
            insert into renewal_profile (code, body, built_in, updated_at, updated_by)
            values ($1, $2, true, $3, 'plan-service') on conflict (code) do nothing""";
    private static final String SAVE = """
            insert into renewal_profile (code, body, built_in, updated_at, updated_by) values ($1, $2, false, $3, $4)
            on conflict (code) do update set body = excluded.body, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            returning code, body, built_in, updated_at, updated_by""";

    private final Pool pool;
    private final ObjectMapper json;

    ProfileRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<SortedMap<String, StoredProfile>> all() {
        return pool.query(ALL).execute().map(rows -> {
            SortedMap<String, StoredProfile> profiles = new TreeMap<>();
            rows.forEach(row -> profiles.put(row.getString("code"), stored(row)));
            return profiles;
        });
    }

    public Uni<Optional<StoredProfile>> find(String code) {
        return pool.preparedQuery(ONE).execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    /** Writes the built-in profiles that are absent; those a district admin has changed stay as they are. */
    public Uni<Void> seed(Map<String, RenewalProfile> builtIn, Instant now) {
        return pool.preparedQuery(SEED).executeBatch(builtIn.entrySet().stream()
                .map(profile -> Tuple.of(profile.getKey(), body(profile.getValue()), now.atOffset(ZoneOffset.UTC)))
                .toList()).replaceWithVoid();
    }

    /** Defines a profile or replaces one; a built-in profile keeps that it is one. */
    public Uni<StoredProfile> save(String code, RenewalProfile profile, String by, Instant now) {
        return pool.preparedQuery(SAVE).execute(Tuple.of(code, body(profile), now.atOffset(ZoneOffset.UTC), by))
                .map(rows -> stored(rows.iterator().next()));
    }

    private StoredProfile stored(Row row) {
        return new StoredProfile(row.getString("code"), profile(row.getJsonObject("body")), row.getBoolean("built_in"),
                row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"));
    }

    private RenewalProfile profile(JsonObject body) {
        try {
            return json.readValue(body.encode(), RenewalProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("renewal_profile holds a body that is not a profile", e);
        }
    }

    private JsonObject body(RenewalProfile profile) {
        try {
            return new JsonObject(json.writeValueAsString(profile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
