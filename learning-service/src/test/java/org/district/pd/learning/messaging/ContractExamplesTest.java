package org.district.pd.learning.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.district.pd.platform.testing.EventContracts;
import org.junit.jupiter.api.Test;

/** The examples of the events this service publishes satisfy their schemas, and the invalid ones do not. */
class ContractExamplesTest {

    private static final List<String> PUBLISHED = List.of("pd.learning.course.completed.v1",
            "pd.learning.session.attended.v1", "pd.learning.offering.published.v1", "pd.learning.offering.rated.v1");

    @Test
    void everyExampleSatisfiesItsSchema() {
        for (String type : PUBLISHED) {
            assertThat(EventContracts.violations(type, EventContracts.example(type).get("data").toString()))
                    .as(type).isEmpty();
        }
    }

    @Test
    void theInvalidExamplesBreakTheirSchemas() {
        assertThat(EventContracts.violations("pd.learning.session.attended.v1",
                EventContracts.invalidExample("pd.learning.session.attended.v1.minutes-over-a-day").get("data")
                        .toString()))
                .hasSize(2);
    }
}
