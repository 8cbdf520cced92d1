-- The platform tests' stand-in for a consumer's effect: one row per application, deliberately not unique per event,
-- so only the inbox stands between a redelivery and a second row.
create table inbox_test_effect (
    id       uuid primary key,
    event_id uuid not null
);
