package org.district.pd.plan.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.district.pd.platform.problem.ProblemException;

/** The rows of an uploaded roster: orgs.csv (optional, known orgs are kept) and users.csv (required). */
public record RosterFiles(List<CsvRow> orgs, List<CsvRow> users) {

    public static final String ORGS = "orgs";
    public static final String USERS = "users";

    /** Guards against zip bombs: no roster file comes close to this once unpacked. */
    private static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    private static final long MAX_UNPACKED_BYTES = 2L * MAX_FILE_BYTES;
    private static final int MAX_ENTRIES = 100;

    /** Reads the CSV texts; a null {@code orgsCsv} means the upload had no orgs file. */
    public static RosterFiles read(String orgsCsv, String usersCsv) {
        if (usersCsv == null) {
            throw ProblemException.invalid(USERS, "users.csv is required");
        }
        List<CsvRow> orgs = orgsCsv == null ? List.of() : RosterCsv.read(ORGS, orgsCsv, OrgRow.REQUIRED_COLUMNS);
        return new RosterFiles(orgs, RosterCsv.read(USERS, usersCsv, EducatorRow.REQUIRED_COLUMNS));
    }

    /**
     * Reads orgs.csv and users.csv from a zip, wherever they sit in its folders. A zip bomb is refused: at most
     * {@link #MAX_ENTRIES} entries and {@link #MAX_UNPACKED_BYTES} unpacked, counted as the entries are read.
     */
    public static RosterFiles fromZip(byte[] zip) {
        String orgs = null;
        String users = null;
        long unpacked = 0;
        int count = 0;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip == null ? new byte[0] : zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (++count > MAX_ENTRIES) {
                    throw ProblemException.invalid("body", "has more than " + MAX_ENTRIES + " entries; a OneRoster "
                            + "bundle has a few CSV files");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (name.equals(ORGS + ".csv")) {
                    orgs = text(entries, name);
                    unpacked += orgs.length();
                } else if (name.equals(USERS + ".csv")) {
                    users = text(entries, name);
                    unpacked += users.length();
                } else {
                    // Skipping an entry unpacks it too; what it unpacks to counts against the same budget.
                    unpacked += entries.skip(MAX_UNPACKED_BYTES - unpacked + 1);
                }
                if (unpacked > MAX_UNPACKED_BYTES) {
                    throw ProblemException.invalid("body", "unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024
                            + " MB");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not a readable zip file");
        }
        return read(orgs, users);
    }

    private static String text(ZipInputStream entries, String name) throws IOException {
        byte[] content = entries.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw ProblemException.invalid("body", name + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
