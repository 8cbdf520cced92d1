-- The xAPI statements resource. A statement is kept as stored (with the id, stored, authority, timestamp and version
-- the LRS set) beside the few values its queries filter on. A statement is voided if and only if it is not itself a
-- voiding statement and a voiding statement refers to it: that is asked at read time, so a voiding statement that
-- arrives before its target voids it too.
create table xapi_statement (
    seq            bigserial   not null unique,
    id             uuid primary key,
    client_id      text        not null,
    statement      jsonb       not null,
    verb_id        text        not null,
    activity_id    text,
    registration   uuid,
    voiding_target uuid,
    stored         timestamptz not null
);

create index xapi_statement_voiding on xapi_statement (voiding_target) where voiding_target is not null;
create index xapi_statement_stored on xapi_statement (seq);

-- A completion an xAPI statement earned is voided with that statement: it stays on record, and no longer takes the
-- educator's one completion of the offering for that day, so the statement sent again under a new id earns it anew.
alter table completion add column voided_at timestamptz;
drop index completion_once_per_day;
create unique index completion_once_per_day on completion (educator_id, offering_id, completed_day)
    where voided_at is null;
