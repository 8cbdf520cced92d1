package org.district.pd.plan.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.district.pd.platform.problem.ProblemException;

/**
 * The files of one roster import, kept in the import's own folder until it ends: {@code <part>.csv} for each of
 * manifest, orgs, users, roles and userProfiles that the upload had. Other OneRoster files are not read.
 */
public final class RosterUpload {

    public static final String MANIFEST = "manifest";
    public static final String ORGS = "orgs";
    public static final String USERS = "users";
    public static final String ROLES = "roles";
    public static final String USER_PROFILES = "userProfiles";
    /** The files with rows to import, in the order they are read. */
    public static final List<String> DATA_PARTS = List.of(ORGS, ROLES, USER_PROFILES, USERS);
    public static final List<String> PARTS = List.of(MANIFEST, ORGS, ROLES, USER_PROFILES, USERS);

    /** Guards against zip bombs: no roster file comes close to this once unpacked. */
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final long MAX_UNPACKED_BYTES = 2 * MAX_FILE_BYTES;
    private static final int MAX_ENTRIES = 100;

    private final Path folder;

    private RosterUpload(Path folder) {
        this.folder = folder;
    }

    public static RosterUpload in(Path folder) {
        return new RosterUpload(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Where the file of {@code part} is kept, whether or not the upload had it. */
    public Path path(String part) {
        return folder.resolve(part + ".csv");
    }

    public Optional<Path> file(String part) {
        Path path = path(part);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Unpacks the OneRoster files of a zip, wherever they sit in its folders. A zip bomb is refused: at most
     * {@link #MAX_ENTRIES} entries and {@link #MAX_UNPACKED_BYTES} unpacked, counted as the entries are read.
     */
    public void unzip(byte[] zip) {
        long unpacked = 0;
        int count = 0;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip == null ? new byte[0] : zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (++count > MAX_ENTRIES) {
                    throw ProblemException.invalid("body", "has more than " + MAX_ENTRIES + " entries; a OneRoster "
                            + "bundle has a few CSV files");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                Optional<String> part = PARTS.stream().filter(known -> (known + ".csv").equalsIgnoreCase(name)).findFirst();
                if (entry.isDirectory() || part.isEmpty()) {
                    // Skipping an entry unpacks it too; what it unpacks to counts against the same budget.
                    unpacked += entries.skip(MAX_UNPACKED_BYTES - unpacked + 1);
                } else {
                    unpacked += copy(entries, path(part.get()), name);
                }
                if (unpacked > MAX_UNPACKED_BYTES) {
                    throw ProblemException.invalid("body", "unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024
                            + " MB");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not a readable zip file");
        }
    }

    /**
     * Reads every file once before anything is imported, so a missing file or column, a bad manifest or a file that is
     * not CSV is a 400 at once. Returns what the manifest says, or what a bundle without one implies.
     */
    public Manifest check() {
        Set<String> present = new HashSet<>();
        DATA_PARTS.stream().filter(part -> file(part).isPresent()).forEach(present::add);
        if (file(MANIFEST).isEmpty() && !present.contains(USERS)) {
            throw ProblemException.invalid(USERS, "users.csv is required, unless manifest.csv declares it absent");
        }
        Manifest manifest = file(MANIFEST).map(path -> Manifest.read(path, present)).orElseGet(() -> Manifest.implied(present));
        // A delta the manifest declares may bring roles or profiles alone, or orgs alone, but something.
        if (DATA_PARTS.stream().noneMatch(manifest::has)) {
            throw ProblemException.invalid(USERS, "manifest.csv declares no file to import: orgs, users, roles and "
                    + "userProfiles are all absent");
        }
        for (String part : DATA_PARTS) {
            if (manifest.has(part)) {
                RosterCsv.check(part, path(part), RosterColumns.required(part, manifest));
            }
        }
        return manifest;
    }

    /** Removes the folder and its files; an import keeps nothing once it has ended. */
    public void delete() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A folder left behind is removed with the next stale import; nothing is read from it again.
        }
    }

    private static long copy(InputStream entry, Path target, String name) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
                written += read;
                if (written > MAX_FILE_BYTES) {
                    throw ProblemException.invalid("body", name + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }
}
