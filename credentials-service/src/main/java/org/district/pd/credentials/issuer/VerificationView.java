package org.district.pd.credentials.issuer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** What verifying a VC-JWT found: valid only if every check passed; a failed check says why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(boolean valid, List<Check> checks, JsonNode credential) {

    /** One check: format, issuer, signature, claims, validity (validFrom and validUntil) or revocation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String check, boolean passed, String detail) {
    }
}
