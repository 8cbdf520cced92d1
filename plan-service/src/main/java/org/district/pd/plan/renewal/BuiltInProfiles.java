package org.district.pd.plan.renewal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.district.pd.plan.renewal.RenewalProfile.CarryOver;

/**
 * The states' published renewal rules the service starts with (ARCHITECTURE.md, "Credit ledger and renewal rules").
 * They are written to the database when absent; a district admin may then change them or define more.
 */
public final class BuiltInProfiles {

    /** Texas standard certificate: 150 CPE hours in 5 years, with caps on three kinds of activity. */
    public static final RenewalProfile TX = new RenewalProfile("Texas standard certificate (CPE)", hours(150), 5,
            conversions("15", "15"), caps(Map.of("INDEPENDENT_STUDY", "0.20", "PRESENTING", "0.10", "MENTORING", "0.30")),
            null, null);

    /** Texas professional certificate: 200 CPE hours in 5 years, the same caps. */
    public static final RenewalProfile TX_PROFESSIONAL = new RenewalProfile("Texas professional certificate (CPE)",
            hours(200), 5, TX.conversions(), TX.caps(), null, null);

    /** New York CTLE: 100 hours in 5 years. */
    public static final RenewalProfile NY = new RenewalProfile("New York CTLE", hours(100), 5, conversions("15", "15"),
            new TreeMap<>(), null, null);

    /** Pennsylvania Act 48: 180 hours or 6 college credits (30 hours each) in 5 years, with carry-over. */
    public static final RenewalProfile PA = new RenewalProfile("Pennsylvania Act 48", hours(180), 5,
            conversions("30", "30"), new TreeMap<>(), new CarryOver(hours(50), 2), null);

    /** Illinois: 120 hours in 5 years from approved providers; a semester hour is 15 hours. */
    public static final RenewalProfile IL = new RenewalProfile("Illinois Professional Educator License", hours(120), 5,
            conversions("15", "15"), new TreeMap<>(), null,
            List.of("Illinois State Board of Education", "Regional Office of Education",
                    "Illinois Education Association", "Illinois Federation of Teachers"));

    /** What a unit of each credit type is worth for an educator without a license: a CEU 10 hours, a semester hour 15. */
    public static final SortedMap<String, BigDecimal> WITHOUT_LICENSE = conversions("15", "15");

    /** By code, as they are stored. */
    public static final SortedMap<String, RenewalProfile> ALL = new TreeMap<>(Map.of("TX", TX, "TX-PRO",
            TX_PROFESSIONAL, "NY", NY, "PA", PA, "IL", IL));

    private BuiltInProfiles() {
    }

    /** A clock hour is an hour and a CEU ten (IACET); the state decides what a semester hour and a credit are. */
    private static SortedMap<String, BigDecimal> conversions(String semesterHour, String credit) {
        return new TreeMap<>(Map.of("CLOCK_HOUR", BigDecimal.ONE, "CEU", BigDecimal.TEN,
                "SEMESTER_HOUR", new BigDecimal(semesterHour), "CREDIT", new BigDecimal(credit)));
    }

    private static SortedMap<String, BigDecimal> caps(Map<String, String> shares) {
        SortedMap<String, BigDecimal> caps = new TreeMap<>();
        shares.forEach((category, share) -> caps.put(category, new BigDecimal(share)));
        return caps;
    }

    private static BigDecimal hours(int hours) {
        return BigDecimal.valueOf(hours);
    }
}
