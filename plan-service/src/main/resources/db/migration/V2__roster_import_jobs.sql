-- Roster imports run as background jobs that stream their files in bounded batches. One runs at a time; each batch
-- commits its rows, its events and the job's progress together, and only a finished bulk import deactivates absentees.

create table roster_import (
    id               uuid primary key,
    status           text        not null check (status in ('running', 'completed', 'failed')),
    format           text        not null,
    users_mode       text        not null check (users_mode in ('bulk', 'delta')),
    orgs_mode        text        not null check (orgs_mode in ('bulk', 'delta', 'absent')),
    requested_by     text,
    started_at       timestamptz not null,
    heartbeat_at     timestamptz not null,
    finished_at      timestamptz,
    rows_read        int         not null default 0,
    rows_accepted    int         not null default 0,
    rows_rejected    int         not null default 0,
    rows_skipped     int         not null default 0,
    educators_changed     int    not null default 0,
    educators_deactivated int    not null default 0,
    orgs_deactivated      int    not null default 0,
    error            text
);

-- A second import while one runs is refused by the database itself, whichever instance takes it.
create unique index roster_import_one_running on roster_import ((true)) where status = 'running';
create index roster_import_by_start on roster_import (started_at desc, id);

-- The rows an import did not simply accept, with the field at fault and why: the per-row report.
create table roster_import_row (
    import_id  uuid   not null references roster_import (id) on delete cascade,
    file       text   not null,
    line       bigint not null,
    sourced_id text,
    status     text   not null,
    field      text,
    reason     text   not null,
    primary key (import_id, file, line)
);

-- roles.csv and userProfiles.csv rows of a running import, read before users.csv and joined to each batch of users.
create table roster_import_staged (
    import_id       uuid   not null references roster_import (id) on delete cascade,
    file            text   not null,
    line            bigint not null,
    user_sourced_id text   not null,
    values          jsonb  not null,
    primary key (import_id, file, line)
);

create index roster_import_staged_by_user on roster_import_staged (import_id, user_sourced_id);

-- The snapshot last published for each educator: an import publishes only where it differs, and deactivation
-- republishes it with active false. last_import_id marks what the latest import saw, so a bulk import can find
-- the absent and a repeated sourcedId is noticed across batches.
alter table educator add column snapshot jsonb;
alter table educator add column last_import_id uuid;
alter table educator add column deactivated_at timestamptz;
alter table org add column last_import_id uuid;

update educator e set deactivated_at = e.updated_at where not e.active;
update educator e set snapshot = jsonb_build_object(
        'educatorId', e.id, 'sourcedId', e.sourced_id,
        'name', jsonb_build_object('givenName', e.given_name, 'familyName', e.family_name),
        'email', e.email,
        'schoolIds', coalesce((select jsonb_agg(s.school_id order by s.school_id::text)
                               from educator_school s where s.educator_id = e.id), '[]'::jsonb),
        'roles', to_jsonb(e.roles), 'careerStage', null, 'subjects', '[]'::jsonb, 'grades', to_jsonb(e.grades),
        'active', e.active,
        'identifiers', jsonb_build_object('sisId', e.sis_id, 'username', e.username, 'lmsAccounts', to_jsonb(e.lms_accounts)));
alter table educator alter column snapshot set not null;

-- An org is active or not; tobedeleted is how a file asks for the second.
update org set status = 'inactive' where status <> 'active';
