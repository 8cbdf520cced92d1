package org.district.pd.plan.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ids the roster derives are the ones Keycloak puts in tokens, so ownership checks line up with the directory. */
class DerivedIdsTest {

    @Test
    void aliceFromTheRosterIsAliceInHerToken() throws Exception {
        String payload = Tokens.user("alice").split("\\.")[1];
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));

        assertThat(claims.get("educator_id").asText()).isEqualTo(RosterIds.educatorId("t-alice").toString());
        assertThat(claims.get("school_ids").get(0).asText()).isEqualTo(RosterIds.orgId("lincoln-es").toString());
    }
}
