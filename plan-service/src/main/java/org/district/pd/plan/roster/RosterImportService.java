package org.district.pd.plan.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.roster.ImportReport.OrgCounts;
import org.district.pd.plan.roster.ImportReport.UserCounts;
import org.district.pd.plan.roster.RowResult.Status;
import org.hibernate.FlushMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Imports a OneRoster roster in one transaction: orgs first, so users can name orgs from the same upload, then
 * educators. Importing the same files again changes nothing and publishes nothing.
 */
@ApplicationScoped
public class RosterImportService {

    private final OrgImport orgs;
    private final EducatorImport educators;

    RosterImportService(OrgImport orgs, EducatorImport educators) {
        this.orgs = orgs;
        this.educators = educators;
    }

    @WithTransaction
    public Uni<ImportReport> importRoster(RosterFiles files) {
        Instant now = Instant.now();
        List<RowResult> problems = new ArrayList<>();
        // Outbox inserts are native SQL, before which Hibernate would flush, dirty-checking every loaded educator each
        // time; flushing once at commit keeps a district-sized import linear.
        return Panache.getSession().invoke(session -> session.setFlushMode(FlushMode.COMMIT))
                .flatMap(session -> orgs.upsert(files.orgs(), now, problems))
                .flatMap(known -> educators.upsert(files.users(), known, now, problems))
                .map(changed -> report(files, problems, changed));
    }

    private static ImportReport report(RosterFiles files, List<RowResult> problems, int changed) {
        int orgsRejected = count(problems, "orgs.csv", Status.REJECTED);
        int usersRejected = count(problems, "users.csv", Status.REJECTED);
        int usersSkipped = count(problems, "users.csv", Status.SKIPPED);
        problems.sort(Comparator.comparing(RowResult::file).thenComparing(RowResult::line));
        return new ImportReport(new OrgCounts(files.orgs().size() - orgsRejected, orgsRejected),
                new UserCounts(files.users().size() - usersRejected - usersSkipped, usersRejected, usersSkipped, changed),
                problems);
    }

    private static int count(List<RowResult> problems, String file, Status status) {
        return (int) problems.stream().filter(row -> row.file().equals(file) && row.status() == status).count();
    }
}
