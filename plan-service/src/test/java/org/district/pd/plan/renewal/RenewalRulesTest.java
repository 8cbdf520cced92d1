package org.district.pd.plan.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.district.pd.plan.renewal.Credit.Span;
import org.district.pd.plan.renewal.RenewalStatus.CategoryHours;
import org.district.pd.plan.renewal.RenewalStatus.Status;
import org.junit.jupiter.api.Test;

/** Every rule of every built-in profile against cases computed by hand. */
class RenewalRulesTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2029, 12, 31);
    private static final LocalDate MID_WINDOW = LocalDate.of(2027, 7, 1);

    private final List<Credit> credits = new ArrayList<>();

    @Test
    void texasCountsACategoryUpToItsCapReachedExactly() {
        earned("INDEPENDENT_STUDY", "30").earned("COURSEWORK", "50");
        RenewalStatus exactly = evaluate("TX", BuiltInProfiles.TX);
        assertThat(category(exactly, "INDEPENDENT_STUDY").capHours()).isEqualByComparingTo("30");
        assertThat(category(exactly, "INDEPENDENT_STUDY").countedHours()).isEqualByComparingTo("30");
        assertThat(exactly.countedHours()).isEqualByComparingTo("80");
        assertThat(exactly.remainingHours()).isEqualByComparingTo("70");

        earned("INDEPENDENT_STUDY", "0.01");
        RenewalStatus over = evaluate("TX", BuiltInProfiles.TX);
        assertThat(category(over, "INDEPENDENT_STUDY").earnedHours()).isEqualByComparingTo("30.01");
        assertThat(category(over, "INDEPENDENT_STUDY").countedHours()).isEqualByComparingTo("30");
        assertThat(over.earnedHours()).isEqualByComparingTo("80.01");
        assertThat(over.countedHours()).isEqualByComparingTo("80");
    }

    @Test
    void texasCapsPresentingAtTenAndMentoringAtThirtyPercent() {
        earned("PRESENTING", "20").earned("MENTORING", "50").earned("WORKSHOP", "10");
        RenewalStatus status = evaluate("TX", BuiltInProfiles.TX);
        assertThat(category(status, "PRESENTING").countedHours()).isEqualByComparingTo("15");
        assertThat(category(status, "MENTORING").countedHours()).isEqualByComparingTo("45");
        assertThat(category(status, "WORKSHOP").capHours()).isNull();
        assertThat(status.countedHours()).isEqualByComparingTo("70");
        assertThat(status.remainingHours()).isEqualByComparingTo("80");
    }

    @Test
    void aRevocationPushesCountedHoursBackUnderTheCap() {
        earned("INDEPENDENT_STUDY", "40").earned("COURSEWORK", "10");
        assertThat(evaluate("TX", BuiltInProfiles.TX).countedHours()).isEqualByComparingTo("40");
        // The ledger's reversing entry of a revoked 15-hour award sums with what it takes back.
        earned("INDEPENDENT_STUDY", "-15");
        RenewalStatus revoked = evaluate("TX", BuiltInProfiles.TX);
        assertThat(category(revoked, "INDEPENDENT_STUDY").earnedHours()).isEqualByComparingTo("25");
        assertThat(category(revoked, "INDEPENDENT_STUDY").countedHours()).isEqualByComparingTo("25");
        assertThat(revoked.countedHours()).isEqualByComparingTo("35");
    }

    @Test
    void aTexasProfessionalCertificateNeedsTwoHundredHoursWithCapsOnThat() {
        earned("INDEPENDENT_STUDY", "45").earned("COURSEWORK", "100");
        RenewalStatus status = evaluate("TX-PRO", BuiltInProfiles.TX_PROFESSIONAL);
        assertThat(status.requiredHours()).isEqualByComparingTo("200");
        assertThat(category(status, "INDEPENDENT_STUDY").countedHours()).isEqualByComparingTo("40");
        assertThat(status.remainingHours()).isEqualByComparingTo("60");
    }

    @Test
    void newYorkCountsEveryHourWithoutCapsAndCeusAsTenHours() {
        earned("INDEPENDENT_STUDY", "60").credit(Span.WINDOW, "COURSEWORK", "CEU", null, "2.5");
        RenewalStatus status = evaluate("NY", BuiltInProfiles.NY);
        assertThat(status.countedHours()).isEqualByComparingTo("85");
        assertThat(status.carryOverHours()).isEqualByComparingTo("0");
        assertThat(status.remainingHours()).isEqualByComparingTo("15");
    }

    @Test
    void newYorkCarriesNothingOver() {
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "200");
        RenewalStatus status = evaluate("NY", BuiltInProfiles.NY);
        assertThat(status.carryOverHours()).isEqualByComparingTo("0");
        assertThat(status.countedHours()).isEqualByComparingTo("0");
    }

    @Test
    void pennsylvaniaCountsACollegeCreditAsThirtyHoursAndCarriesOverWhatThePreviousWindowHadBeyondItsNeed() {
        credit(Span.WINDOW, "COURSEWORK", "CREDIT", null, "2").earned("WORKSHOP", "100");
        credit(Span.PREVIOUS_EARLIER, "COURSEWORK", "CLOCK_HOUR", null, "150");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "70");
        RenewalStatus status = evaluate("PA", BuiltInProfiles.PA);
        // The previous window counted 220 of 180 needed: 40 beyond, all earned in its last two years.
        assertThat(status.carryOverHours()).isEqualByComparingTo("40");
        assertThat(status.earnedHours()).isEqualByComparingTo("160");
        assertThat(status.countedHours()).isEqualByComparingTo("200");
        assertThat(status.remainingHours()).isEqualByComparingTo("0");
        assertThat(status.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void pennsylvaniaCarriesOverOnlyWhatWasEarnedInThePreviousWindowsLastTwoYears() {
        credit(Span.PREVIOUS_EARLIER, "COURSEWORK", "CLOCK_HOUR", null, "200");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "10");
        assertThat(evaluate("PA", BuiltInProfiles.PA).carryOverHours()).isEqualByComparingTo("10");
    }

    @Test
    void pennsylvaniaCarriesOverFiftyHoursAtMost() {
        credit(Span.PREVIOUS_EARLIER, "COURSEWORK", "CLOCK_HOUR", null, "180");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "120");
        RenewalStatus status = evaluate("PA", BuiltInProfiles.PA);
        assertThat(status.carryOverHours()).isEqualByComparingTo("50");
        assertThat(status.countedHours()).isEqualByComparingTo("50");
        assertThat(status.remainingHours()).isEqualByComparingTo("130");
    }

    @Test
    void pennsylvaniaCarriesNothingOverFromAPreviousWindowThatOnlyJustMetItsNeed() {
        credit(Span.PREVIOUS_EARLIER, "COURSEWORK", "CLOCK_HOUR", null, "100");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "80");
        assertThat(evaluate("PA", BuiltInProfiles.PA).carryOverHours()).isEqualByComparingTo("0");
    }

    @Test
    void carryOverCountsTheLastYearsHoursAsTheyCountedCappedAndFromApprovedProviders() {
        RenewalProfile capsAndCarryOver = new RenewalProfile("caps and carry-over", BigDecimal.valueOf(100), 5,
                BuiltInProfiles.NY.conversions(), new TreeMap<>(Map.of("INDEPENDENT_STUDY", new BigDecimal("0.2"))),
                new RenewalProfile.CarryOver(BigDecimal.valueOf(50), 2), List.of("Approved Co"));
        credit(Span.PREVIOUS_LAST_YEARS, "INDEPENDENT_STUDY", "CLOCK_HOUR", null, "60");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", null, "10");
        credit(Span.PREVIOUS_LAST_YEARS, "COURSEWORK", "CLOCK_HOUR", "Unapproved Inc", "40");
        credit(Span.PREVIOUS_EARLIER, "COURSEWORK", "CLOCK_HOUR", null, "120");
        // The last two years count 20 (capped) + 10; the previous window counted 150 of 100, 50 beyond.
        assertThat(evaluate("X", capsAndCarryOver).carryOverHours()).isEqualByComparingTo("30");
    }

    @Test
    void illinoisCountsOnlyApprovedProvidersAndTheDistrictsOwnActivity() {
        credit(Span.WINDOW, "COURSEWORK", "CLOCK_HOUR", "Acme Webinars", "30");
        credit(Span.WINDOW, "COURSEWORK", "CLOCK_HOUR", " regional office of EDUCATION ", "20");
        credit(Span.WINDOW, "WORKSHOP", "CLOCK_HOUR", null, "50");
        credit(Span.WINDOW, "COURSEWORK", "SEMESTER_HOUR", "Illinois State Board of Education", "1");
        RenewalStatus status = evaluate("IL", BuiltInProfiles.IL);
        assertThat(category(status, "COURSEWORK").earnedHours()).isEqualByComparingTo("65");
        assertThat(category(status, "COURSEWORK").approvedHours()).isEqualByComparingTo("35");
        assertThat(status.earnedHours()).isEqualByComparingTo("115");
        assertThat(status.countedHours()).isEqualByComparingTo("85");
        assertThat(status.remainingHours()).isEqualByComparingTo("35");
    }

    @Test
    void illinoisCountsASemesterHourAsFifteenRoundedToTheHundredthHalfUp() {
        credit(Span.WINDOW, "COURSEWORK", "SEMESTER_HOUR", null, "0.33");
        assertThat(evaluate("IL", BuiltInProfiles.IL).countedHours()).isEqualByComparingTo("4.95");
    }

    @Test
    void conversionsRoundTheSumOfEachGroupToTheHundredthHourHalfUp() {
        RenewalProfile thirds = new RenewalProfile("thirds", BigDecimal.valueOf(100), 5,
                new TreeMap<>(Map.of("CLOCK_HOUR", BigDecimal.ONE, "CEU", new BigDecimal("0.5"),
                        "SEMESTER_HOUR", new BigDecimal("16.6667"), "CREDIT", new BigDecimal("33.3333"))),
                new TreeMap<>(), null, null);
        credit(Span.WINDOW, "COURSEWORK", "CEU", null, "0.05");
        assertThat(evaluate("X", thirds).countedHours()).as("0.025 rounds half up").isEqualByComparingTo("0.03");
        credits.clear();
        credit(Span.WINDOW, "COURSEWORK", "SEMESTER_HOUR", null, "3");
        assertThat(evaluate("X", thirds).countedHours()).as("50.0001").isEqualByComparingTo("50.00");
        credits.clear();
        credit(Span.WINDOW, "COURSEWORK", "CREDIT", null, "0.01");
        credit(Span.WINDOW, "WORKSHOP", "CREDIT", null, "0.01");
        // Each category's sum converts on its own: 0.333333 is 0.33 twice, not 0.67 once.
        assertThat(evaluate("X", thirds).countedHours()).isEqualByComparingTo("0.66");
    }

    @Test
    void statusComparesTheHoursStillNeededPerMonthWithTheSteadyPace() {
        // TX's steady pace is 150 h over 60 months, 2.5 h a month; at risk above 3.75.
        RenewalStatus nothingYet = evaluate("TX", BuiltInProfiles.TX);
        assertThat(nothingYet.hoursNeededPerMonth()).isEqualByComparingTo("4.99");
        assertThat(nothingYet.status()).isEqualTo(Status.AT_RISK);

        earned("COURSEWORK", "80");
        RenewalStatus halfway = evaluate("TX", BuiltInProfiles.TX);
        assertThat(halfway.hoursNeededPerMonth()).isEqualByComparingTo("2.33");
        assertThat(halfway.status()).isEqualTo(Status.ON_TRACK);

        RenewalStatus early = RenewalRules.evaluate("TX", BuiltInProfiles.TX, START, END, List.of(),
                LocalDate.of(2026, 1, 1));
        assertThat(early.status()).as("150 h in 48 months is 3.13 a month").isEqualTo(Status.ON_TRACK);
    }

    @Test
    void hoursStillNeededAfterTheWindowAreOverdueAndAMetRequirementStaysOnTrack() {
        earned("COURSEWORK", "140");
        RenewalStatus late = RenewalRules.evaluate("TX", BuiltInProfiles.TX, START, END, credits, END.plusDays(1));
        assertThat(late.status()).isEqualTo(Status.OVERDUE);
        assertThat(late.remainingHours()).isEqualByComparingTo("10");
        assertThat(late.hoursNeededPerMonth()).isEqualByComparingTo("10");
        RenewalStatus lastDay = RenewalRules.evaluate("TX", BuiltInProfiles.TX, START, END, credits, END);
        assertThat(lastDay.status()).as("10 h in a day is 304 h a month").isEqualTo(Status.AT_RISK);

        earned("COURSEWORK", "10");
        RenewalStatus met = RenewalRules.evaluate("TX", BuiltInProfiles.TX, START, END, credits, END.plusDays(1));
        assertThat(met.status()).isEqualTo(Status.ON_TRACK);
        assertThat(met.remainingHours()).isEqualByComparingTo("0");
        assertThat(met.hoursNeededPerMonth()).isEqualByComparingTo("0");
    }

    private RenewalRulesTest earned(String category, String hours) {
        return credit(Span.WINDOW, category, "CLOCK_HOUR", null, hours);
    }

    private RenewalRulesTest credit(Span span, String category, String type, String provider, String units) {
        credits.add(new Credit(span, category, type, provider, new BigDecimal(units)));
        return this;
    }

    private RenewalStatus evaluate(String code, RenewalProfile profile) {
        return RenewalRules.evaluate(code, profile, START, END, credits, MID_WINDOW);
    }

    private static CategoryHours category(RenewalStatus status, String category) {
        return status.categories().stream().filter(hours -> hours.category().equals(category)).findFirst().orElseThrow();
    }
}
