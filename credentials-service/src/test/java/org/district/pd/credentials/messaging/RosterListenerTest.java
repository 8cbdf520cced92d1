package org.district.pd.credentials.messaging;

import jakarta.inject.Inject;

import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.testing.RosterProjectionContract;

import io.quarkus.test.junit.QuarkusTest;

/** The roster projection's contract: a poll of snapshots applied with one statement, as one by one would. */
@QuarkusTest
class RosterListenerTest extends RosterProjectionContract {

    @Inject
    RosterListener listener;

    @Override
    protected EventHandler listener() {
        return listener;
    }
}
