package org.district.pd.plan.renewal;

import java.time.LocalDate;

/** An educator's license: it binds them to a renewal profile, and its dates are the window, both days included. */
public record License(String profile, String type, String number, LocalDate issuedOn, LocalDate expiresOn) {
}
