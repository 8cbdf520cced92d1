-- What each educator's snapshot was derived from: the users.csv columns it reads and the roles with their dates. A
-- delta of roles alone, or a role that begins or ends, derives the snapshot again from it. Null for an educator
-- rostered before this was kept; the next import of their users.csv row fills it.
alter table educator add column roster_source jsonb;

-- A 1.2 delta may bring roles or profiles without users.csv.
alter table roster_import drop constraint roster_import_users_mode_check;
alter table roster_import add constraint roster_import_users_mode_check check (users_mode in ('bulk', 'delta', 'absent'));

-- The last day on which roles were evaluated. A role counts from its begin date through its end date; once a day the
-- educators with a role that began or ended since are derived again from roster_source.
create table roster_role_clock (
    only_row          boolean primary key default true check (only_row),
    evaluated_through date    not null
);
insert into roster_role_clock (evaluated_through) values ((now() at time zone 'utc')::date);
