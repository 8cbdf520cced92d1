-- What each educator's snapshot was derived from: the users.csv columns it reads and the roles with their dates. A
-- delta of roles alone, or a role that begins or ends, derives the snapshot again from it. Null for an educator
-- rostered before this was kept; the next import of their users.csv row fills it.
alter table educator add column roster_source jsonb;

-- A 1.2 delta may bring roles or profiles without users.csv.
alter table roster_import drop constraint roster_import_users_mode_check;
alter table roster_import add constraint roster_import_users_mode_check check (users_mode in ('bulk', 'delta', 'absent'));
