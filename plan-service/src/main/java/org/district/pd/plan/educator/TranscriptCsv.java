package org.district.pd.plan.educator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.district.pd.plan.report.Csv;

/** A transcript as CSV: one row per ledger entry, in the order earned, with the educator and license on each row. */
public final class TranscriptCsv {

    static final String HEADER = Csv.row(List.of("educator_id", "sourced_id", "family_name", "given_name",
            "license_profile", "license_number", "earned_at", "recorded_at", "event_type", "activity_source",
            "reference", "offering_id", "category", "credit_type", "credit_hours", "hours", "provider"));

    private TranscriptCsv() {
    }

    public static String of(Transcript transcript) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (TranscriptEntry entry : transcript.entries()) {
            List<String> cells = new ArrayList<>();
            cells.add(transcript.educator().educatorId().toString());
            cells.add(transcript.educator().sourcedId());
            cells.add(transcript.educator().familyName());
            cells.add(transcript.educator().givenName());
            cells.add(transcript.license() == null ? null : transcript.license().profile());
            cells.add(transcript.license() == null ? null : transcript.license().number());
            cells.add(entry.earnedAt().toString());
            cells.add(entry.recordedAt().toString());
            cells.add(entry.eventType());
            cells.add(entry.activitySource());
            cells.add(entry.reference());
            cells.add(entry.offeringId() == null ? null : entry.offeringId().toString());
            cells.add(entry.category());
            cells.add(entry.creditType());
            cells.add(plain(entry.creditHours()));
            cells.add(plain(entry.hours()));
            cells.add(entry.provider());
            csv.append(Csv.row(cells));
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
