package org.district.pd.plan.roster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.district.pd.platform.problem.ProblemException;

/**
 * What a bundle says about itself in manifest.csv: its OneRoster version and, per file, bulk (the whole set: what is
 * absent is gone), delta (only these rows change) or absent. A bundle without a manifest is read as a delta, so an
 * upload never deactivates anyone unless it declares itself the whole roster.
 */
public record Manifest(String version, Map<String, String> modes) {

    public static final String BULK = "bulk";
    public static final String DELTA = "delta";
    public static final String ABSENT = "absent";

    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final Set<String> MODES = Set.of(BULK, DELTA, ABSENT);

    /** Reads manifest.csv ({@code propertyName,value}), or throws a 400 naming the property at fault. */
    static Manifest read(Path path, Set<String> present) {
        Map<String, String> properties = new HashMap<>();
        try (RosterCsv csv = RosterCsv.open(RosterUpload.MANIFEST, path, List.of("propertyName", "value"))) {
            csv.forEachRemaining(row -> properties.put(row.get("propertyName").toLowerCase(Locale.ROOT),
                    row.get("value").toLowerCase(Locale.ROOT)));
        }
        String version = properties.getOrDefault("oneroster.version", "");
        if (!VERSIONS.contains(version)) {
            throw ProblemException.invalid("manifest", "manifest.csv: oneroster.version must be 1.1 or 1.2");
        }
        Map<String, String> modes = new HashMap<>();
        for (String part : RosterUpload.DATA_PARTS) {
            // Exports leave the value of files they do not send blank as often as they write absent.
            String mode = properties.getOrDefault("file." + part.toLowerCase(Locale.ROOT), "");
            mode = mode.isEmpty() ? ABSENT : mode;
            if (!MODES.contains(mode)) {
                throw ProblemException.invalid("manifest", "manifest.csv: file." + part + " must be bulk, delta or absent");
            }
            if (!mode.equals(ABSENT) && !present.contains(part)) {
                throw ProblemException.invalid(part, "manifest.csv lists " + part + ".csv as " + mode
                        + ", but the bundle has no " + part + ".csv");
            }
            modes.put(part, mode);
        }
        return new Manifest(version.equals("1.2") ? "1.2" : "1.1", modes);
    }

    /** The manifest of a bundle that has none: its files are deltas; roles.csv makes it OneRoster 1.2. */
    static Manifest implied(Set<String> present) {
        Map<String, String> modes = new HashMap<>();
        RosterUpload.DATA_PARTS.forEach(part -> modes.put(part, present.contains(part) ? DELTA : ABSENT));
        return new Manifest(present.contains(RosterUpload.ROLES) ? "1.2" : "1.1", modes);
    }

    public String mode(String part) {
        return modes.getOrDefault(part, ABSENT);
    }

    public boolean has(String part) {
        return !mode(part).equals(ABSENT);
    }

    /** In 1.2 a user's roles and orgs are rows of roles.csv; in 1.1 they are columns of users.csv. */
    public boolean rolesInOwnFile() {
        return version.equals("1.2");
    }

    public String format() {
        return "oneroster-" + version;
    }
}
