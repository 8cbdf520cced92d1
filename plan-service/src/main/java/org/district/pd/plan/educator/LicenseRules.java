package org.district.pd.plan.educator;

import java.time.LocalDate;

import org.district.pd.plan.renewal.License;
import org.district.pd.plan.renewal.RenewalProfile;
import org.district.pd.platform.problem.ProblemException;

/** What makes a license one the rules can apply to, whether it comes from a district admin or an HR file. */
final class LicenseRules {

    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    static final int MAX_YEARS = 20;

    private LicenseRules() {
    }

    /** The license of {@code profile}; without an expiry it lasts the profile's window. A 400 naming the field. */
    static License license(LicenseRequest request, String code, RenewalProfile profile) {
        text("licenseType", request.type(), 80);
        text("licenseNumber", request.number(), 40);
        LocalDate issued = request.issuedOn();
        if (issued.isBefore(EARLIEST) || issued.isAfter(LATEST)) {
            throw ProblemException.invalid("issuedOn", "must be between " + EARLIEST + " and " + LATEST);
        }
        LocalDate expires = request.expiresOn() == null
                ? issued.plusYears(profile.windowYears()).minusDays(1) : request.expiresOn();
        if (!expires.isAfter(issued)) {
            throw ProblemException.invalid("expiresOn", "must be after issuedOn");
        }
        if (expires.isAfter(issued.plusYears(MAX_YEARS))) {
            throw ProblemException.invalid("expiresOn", "must be within " + MAX_YEARS + " years of issuedOn");
        }
        return new License(code, request.type().strip(), request.number().strip(), issued, expires);
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        if (value.strip().length() > maxLength) {
            throw ProblemException.invalid(field, "must be at most " + maxLength + " characters");
        }
    }
}
