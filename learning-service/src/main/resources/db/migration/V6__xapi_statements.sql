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
