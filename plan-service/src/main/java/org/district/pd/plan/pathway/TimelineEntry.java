package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation that changed a plan: what caused it (each fact as recorded, with its kind, id, time and what it is
 * about or reverses; the cadence; the plan's start) and what it changed. It answers "why is my plan in this state?".
 */
public record TimelineEntry(long seq, Instant recordedAt, List<Map<String, Object>> causes,
        List<ProgressChange> changes) {
}
