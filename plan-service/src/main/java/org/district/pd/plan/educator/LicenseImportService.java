package org.district.pd.plan.educator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.educator.persistence.EducatorRepository;
import org.district.pd.plan.educator.persistence.LicenseImportRepository;
import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.persistence.ProfileRepository;
import org.district.pd.plan.renewal.persistence.ProfileRepository.StoredProfile;
import org.district.pd.plan.roster.CsvRow;
import org.district.pd.plan.roster.RosterCsv;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.web.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * Sets licenses from an HR file: columns {@code sourcedId} (or {@code educatorId}), {@code profile},
 * {@code licenseType}, {@code licenseNumber}, {@code issuedOn} and optionally {@code expiresOn}, in any order and case.
 * The whole file is read once first, so a file that is not CSV or lacks a column is a 400 before any license changes;
 * then it is read again in batches, each one transaction with its rows' outcomes. Runs on a worker thread, never an
 * event loop; memory holds a batch, and the educators set so far.
 */
@ApplicationScoped
public class LicenseImportService {

    static final String PART = "licenses";
    static final String IMPORTS = "/api/v1/plans/licenses/imports";
    static final String ROWS = IMPORTS + "/%s/rows";
    private static final List<String> REQUIRED = List.of("profile", "licenseType", "licenseNumber", "issuedOn");

    private final EducatorRepository educators;
    private final LicenseImportRepository imports;
    private final ProfileRepository profiles;
    private final int batchSize;

    LicenseImportService(EducatorRepository educators, LicenseImportRepository imports, ProfileRepository profiles,
            @ConfigProperty(name = "pd.roster.batch-size", defaultValue = "1000") int batchSize) {
        this.educators = educators;
        this.imports = imports;
        this.profiles = profiles;
        this.batchSize = batchSize;
    }

    /**
     * Imports the file as import {@code id}: the licenses of its valid rows set, and every row's outcome recorded, a
     * batch per transaction; only the educators already set are held, to refuse a second row for one of them.
     */
    public LicenseImport importFile(UUID id, Path file, String by) {
        RosterCsv.check(PART, file, REQUIRED);
        SortedMap<String, StoredProfile> known = profiles.all().await().indefinitely();
        Set<UUID> seen = new HashSet<>();
        try (RosterCsv csv = RosterCsv.open(PART, file, REQUIRED)) {
            if (!csv.hasNext()) {
                throw ProblemException.invalid(PART, "holds no rows after its header");
            }
            imports.start(id, by, Instant.now()).await().indefinitely();
            List<CsvRow> batch = new ArrayList<>();
            while (csv.hasNext()) {
                batch.add(csv.next());
                if (batch.size() == batchSize || !csv.hasNext()) {
                    batch(id, batch, known, seen, by);
                    batch.clear();
                }
            }
        }
        imports.finish(id, Instant.now()).await().indefinitely();
        return find(id).await().indefinitely();
    }

    public Uni<LicenseImport> find(UUID id) {
        return imports.find(id, LicenseImportService.ROWS.formatted(id)).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No license import " + id)));
    }

    public Uni<LicenseImport.RowPage> rows(UUID id, PageRequest page) {
        return find(id).chain(found -> imports.rows(id, found.read(), page));
    }

    private void batch(UUID importId, List<CsvRow> rows, SortedMap<String, StoredProfile> known, Set<UUID> seen, String by) {
        Map<String, UUID> ids = educators.ids(rows.stream().map(row -> row.get("sourcedId"))
                .filter(sourcedId -> !sourcedId.isEmpty()).toList()).await().indefinitely();
        Set<UUID> byId = educators.existing(rows.stream().map(row -> uuidOrNull(row.get("educatorId")))
                .filter(Objects::nonNull).toList()).await().indefinitely();
        List<LicenseImport.Row> results = new ArrayList<>();
        List<Map.Entry<UUID, License>> valid = new ArrayList<>();
        for (CsvRow row : rows) {
            String sourcedId = row.get("sourcedId");
            UUID educatorId = sourcedId.isEmpty() ? uuidOrNull(row.get("educatorId")) : ids.get(sourcedId);
            String problem = null;
            String field = null;
            if (sourcedId.isEmpty() && row.get("educatorId").isEmpty()) {
                field = "sourcedId";
                problem = "is required (or educatorId)";
            } else if (educatorId == null || (sourcedId.isEmpty() && !byId.contains(educatorId))) {
                field = sourcedId.isEmpty() ? "educatorId" : "sourcedId";
                problem = "names no educator in the directory";
            }
            License license = null;
            if (problem == null) {
                try {
                    license = license(row, known);
                } catch (ProblemException invalid) {
                    field = invalid.violations().get(0).field();
                    problem = invalid.violations().get(0).message();
                }
            }
            // Only a license set counts: a row after a rejected one of the same educator may set theirs.
            if (problem == null && !seen.add(educatorId)) {
                field = sourcedId.isEmpty() ? "educatorId" : "sourcedId";
                problem = "is repeated in the file; each educator has one license";
            }
            if (problem != null) {
                results.add(LicenseImport.Row.rejected(row.line(), sourcedId.isEmpty() ? null : sourcedId, field,
                        problem));
            } else {
                valid.add(new SimpleEntry<>(educatorId, license));
                results.add(LicenseImport.Row.accepted(row.line(), sourcedId.isEmpty() ? null : sourcedId,
                        educatorId.toString()));
            }
        }
        imports.batch(importId, valid, results, by, Instant.now()).await().indefinitely();
    }

    private static License license(CsvRow row, SortedMap<String, StoredProfile> known) {
        StoredProfile profile = known.get(row.get("profile"));
        if (profile == null) {
            throw ProblemException.invalid("profile", "names no renewal profile");
        }
        LocalDate issued = date(row, "issuedOn");
        LocalDate expires = row.get("expiresOn").isEmpty() ? null : date(row, "expiresOn");
        return LicenseRules.license(new LicenseRequest(profile.code(), row.get("licenseType"),
                row.get("licenseNumber"), issued, expires), profile.code(), profile.profile());
    }

    private static LocalDate date(CsvRow row, String column) {
        try {
            return LocalDate.parse(row.get(column));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(column, "must be an ISO date such as 2024-07-01");
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value.isEmpty() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
