package org.district.pd.plan.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.Topics;
import org.district.pd.plan.messaging.events.EducatorUpserted;
import org.district.pd.plan.messaging.events.EducatorUpserted.Identifiers;
import org.district.pd.plan.messaging.events.EducatorUpserted.Name;
import org.district.pd.platform.outbox.Outbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Upserts the staff rows of users.csv and publishes the snapshot of each educator that is new or changed; runs inside
 * the import's transaction, so the events are published only if the import commits.
 */
@ApplicationScoped
class EducatorImport {

    /** The order PostgreSQL and people sort ids in; UUID.compareTo compares signed halves. */
    private static final Comparator<UUID> IN_TEXT_ORDER = Comparator.comparing(UUID::toString);

    private final EducatorRepository educators;
    private final Outbox outbox;

    EducatorImport(EducatorRepository educators, Outbox outbox) {
        this.educators = educators;
        this.outbox = outbox;
    }

    /** Returns how many educators changed; rows not accepted are added to {@code problems}. */
    Uni<Integer> upsert(List<CsvRow> rows, Map<String, Org> orgs, Instant now, List<RowResult> problems) {
        Map<UUID, EducatorUpserted> snapshots = new LinkedHashMap<>();
        for (CsvRow row : rows) {
            Parsed<EducatorRow> parsed = EducatorRow.parse(row, orgs);
            if (parsed.isAccepted() && snapshots.containsKey(Educator.idOf(parsed.value().sourcedId()))) {
                parsed = Parsed.notAccepted(RowResult.rejected(row, "sourcedId", "sourcedId appears twice in users.csv"));
            }
            if (parsed.isAccepted()) {
                EducatorUpserted snapshot = snapshot(parsed.value(), orgs);
                snapshots.put(snapshot.educatorId(), snapshot);
            } else {
                problems.add(parsed.problem());
            }
        }
        return educators.findWithSchools(List.copyOf(snapshots.keySet()))
                .map(found -> found.stream().collect(Collectors.toMap(educator -> educator.id, Function.identity())))
                .flatMap(existing -> store(snapshots.values(), existing, now));
    }

    private Uni<Integer> store(Iterable<EducatorUpserted> snapshots, Map<UUID, Educator> existing, Instant now) {
        List<Educator> created = new ArrayList<>();
        List<EducatorUpserted> changed = new ArrayList<>();
        for (EducatorUpserted snapshot : snapshots) {
            Educator educator = existing.get(snapshot.educatorId());
            if (educator != null && snapshot.equals(snapshot(educator))) {
                continue;
            }
            if (educator == null) {
                educator = new Educator();
                created.add(educator);
            }
            apply(snapshot, educator, now);
            changed.add(snapshot);
        }
        // Panache fails to persist an empty collection.
        Uni<Void> stored = created.isEmpty() ? Uni.createFrom().voidItem() : educators.persist(created);
        return stored
                .chain(() -> Multi.createFrom().iterable(changed)
                        .onItem().transformToUniAndConcatenate(snapshot -> outbox.append(Topics.ROSTER_EDUCATORS,
                                EducatorUpserted.TYPE, snapshot.educatorId(), now, snapshot))
                        .collect().last())
                .replaceWith(changed.size());
    }

    private static EducatorUpserted snapshot(EducatorRow row, Map<String, Org> orgs) {
        List<UUID> schoolIds = row.orgSourcedIds().stream().map(orgs::get).filter(Org::isSchool)
                .map(org -> org.id).distinct().sorted(IN_TEXT_ORDER).toList();
        return new EducatorUpserted(Educator.idOf(row.sourcedId()), row.sourcedId(),
                new Name(row.givenName(), row.familyName()), row.email(), schoolIds, List.of(row.role()), null,
                List.of(), row.grades(), row.active(), new Identifiers(row.sisId(), row.username(), row.lmsAccounts()));
    }

    private static EducatorUpserted snapshot(Educator educator) {
        return new EducatorUpserted(educator.id, educator.sourcedId, new Name(educator.givenName, educator.familyName),
                educator.email, educator.schoolIds.stream().sorted(IN_TEXT_ORDER).toList(), educator.roles, null, List.of(),
                educator.grades, educator.active, new Identifiers(educator.sisId, educator.username, educator.lmsAccounts));
    }

    private static void apply(EducatorUpserted snapshot, Educator educator, Instant now) {
        educator.id = snapshot.educatorId();
        educator.sourcedId = snapshot.sourcedId();
        educator.givenName = snapshot.name().givenName();
        educator.familyName = snapshot.name().familyName();
        educator.email = snapshot.email();
        educator.sisId = snapshot.identifiers().sisId();
        educator.username = snapshot.identifiers().username();
        educator.lmsAccounts = snapshot.identifiers().lmsAccounts();
        educator.roles = snapshot.roles();
        educator.grades = snapshot.grades();
        educator.active = snapshot.active();
        educator.updatedAt = now;
        Set<UUID> schools = new HashSet<>(snapshot.schoolIds());
        educator.schoolIds.retainAll(schools);
        educator.schoolIds.addAll(schools);
    }
}
