package org.district.pd.community.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.testing.RosterProjectionContract;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;

/** The roster projection's contract, with what this service reads beyond it: subjects, grades and grade bands. */
@QuarkusTest
class RosterListenerTest extends RosterProjectionContract {

    @Inject
    RosterListener listener;

    @Override
    protected EventHandler listener() {
        return listener;
    }

    @Override
    protected void describe(ObjectNode snapshot) {
        snapshot.putArray("subjects").add("Mathematics");
        snapshot.putArray("grades").add("KG").add("04").add("05");
    }

    @Override
    protected void assertWrittenAsDescribed(Row row) {
        assertThat(row.getArrayOfStrings("subjects")).containsExactly("Mathematics");
        assertThat(row.getArrayOfStrings("grades")).containsExactly("KG", "04", "05");
        assertThat(row.getArrayOfStrings("grade_bands")).containsExactly("K-2", "3-5");
    }
}
