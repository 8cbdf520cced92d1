package org.district.pd.platform.inbox;

import java.util.List;

/** One page of dead letters, oldest first. */
public record DeadLetterPage(int page, int size, long total, List<DeadLetterView> items) {
}
