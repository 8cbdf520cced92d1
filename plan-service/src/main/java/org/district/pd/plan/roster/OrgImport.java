package org.district.pd.plan.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Upserts the rows of orgs.csv; runs inside the import's transaction. */
@ApplicationScoped
class OrgImport {

    private final OrgRepository orgs;

    OrgImport(OrgRepository orgs) {
        this.orgs = orgs;
    }

    /** Returns every known org by sourcedId, those of this file included; rejected rows are added to {@code problems}. */
    Uni<Map<String, Org>> upsert(List<CsvRow> rows, Instant now, List<RowResult> problems) {
        return orgs.listAll().flatMap(existing -> {
            Map<String, Org> bySourcedId = new HashMap<>();
            existing.forEach(org -> bySourcedId.put(org.sourcedId, org));
            List<Org> created = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CsvRow row : rows) {
                Parsed<OrgRow> parsed = OrgRow.parse(row);
                if (parsed.isAccepted() && !seen.add(parsed.value().sourcedId())) {
                    parsed = Parsed.notAccepted(RowResult.rejected(row, "sourcedId", "sourcedId appears twice in orgs.csv"));
                }
                if (!parsed.isAccepted()) {
                    problems.add(parsed.problem());
                    continue;
                }
                Org org = bySourcedId.get(parsed.value().sourcedId());
                if (org == null) {
                    org = new Org();
                    created.add(org);
                    bySourcedId.put(parsed.value().sourcedId(), org);
                }
                apply(parsed.value(), org, now);
            }
            // Panache fails to persist an empty collection.
            Uni<Void> stored = created.isEmpty() ? Uni.createFrom().voidItem() : orgs.persist(created);
            return stored.replaceWith(bySourcedId);
        });
    }

    private static void apply(OrgRow row, Org org, Instant now) {
        if (row.equals(OrgRow.of(org))) {
            return;
        }
        org.id = Org.idOf(row.sourcedId());
        org.sourcedId = row.sourcedId();
        org.name = row.name();
        org.type = row.type();
        org.identifier = row.identifier();
        org.parentSourcedId = row.parentSourcedId();
        org.status = row.status();
        org.updatedAt = now;
    }
}
