-- An earning xAPI statement (completed, passed or attended, on an activity mapped to an offering) whose actor names
-- no rostered educator yet is held: kept as it is, with held_since set, until a roster update or an admin's link
-- names the learner. The actor's email and account name are derived from the statement to find them.
alter table xapi_statement
    add column actor_email   text generated always as (
        case when statement -> 'actor' ->> 'mbox' like 'mailto:%'
             then lower(substr(statement -> 'actor' ->> 'mbox', 8)) end) stored,
    add column actor_account text generated always as (statement -> 'actor' -> 'account' ->> 'name') stored,
    add column held_since    timestamptz;

create index xapi_statement_held on xapi_statement (seq) where held_since is not null;
create index xapi_statement_held_email on xapi_statement (actor_email) where held_since is not null;
create index xapi_statement_held_account on xapi_statement (actor_account) where held_since is not null;
