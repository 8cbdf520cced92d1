-- A district for the HR report benchmark, written straight into plan-service's database (the reports read it; how it
-- got there is not what is measured): :educators educators ('rpt-<n>', aides, whom no demo template assigns) in
-- :schools schools ('rpt-school-<n>'), each with a license (report-licenses.sql) and :entries ledger entries over the
-- five years before today, in five categories and two credit types (report-ledger.sql, run for a range of educators
-- at a time). Run it again and it only reactivates
-- them and adds what a larger run asks for. psql -v educators=… -v schools=…
\set ON_ERROR_STOP on

insert into org (id, sourced_id, name, type, identifier, parent_sourced_id, status, updated_at)
select md5('org:rpt-school-' || s)::uuid, 'rpt-school-' || s, 'Report Bench School ' || s, 'school',
       'RPT-' || s, null, 'active', now()
from generate_series(1, :schools) s
on conflict (sourced_id) do nothing;

insert into educator (id, sourced_id, given_name, family_name, email, sis_id, username, lms_accounts, roles, grades,
                      active, updated_at, snapshot)
select md5('educator:rpt-' || n)::uuid, 'rpt-' || n, 'Given' || (n % 997), 'Family' || lpad((n % 9973)::text, 4, '0'),
       'rpt-' || n || '@bench.example', 'RPT-' || n, 'rpt' || n, '{}', '{aide}', '{}', true, now(), '{}'::jsonb
from generate_series(1, :educators) n
on conflict (sourced_id) do update set active = true, deactivated_at = null;

insert into educator_school (educator_id, school_id)
select md5('educator:rpt-' || n)::uuid, md5('org:rpt-school-' || (1 + n % :schools))::uuid
from generate_series(1, :educators) n
on conflict do nothing;

-- Each educator's snapshot as plan-service publishes it (V2__roster_import_jobs.sql builds the same): a roster import
-- that leaves them out deactivates them and republishes the snapshot with active false, which learning-service,
-- credentials-service and community-service must be able to read (an empty one was dead-lettered by all three).
update educator e set snapshot = jsonb_build_object(
        'educatorId', e.id, 'sourcedId', e.sourced_id,
        'name', jsonb_build_object('givenName', e.given_name, 'familyName', e.family_name),
        'email', e.email,
        'schoolIds', coalesce((select jsonb_agg(s.school_id order by s.school_id::text)
                               from educator_school s where s.educator_id = e.id), '[]'::jsonb),
        'roles', to_jsonb(e.roles), 'careerStage', null, 'subjects', '[]'::jsonb, 'grades', to_jsonb(e.grades),
        'active', e.active,
        'identifiers', jsonb_build_object('sisId', e.sis_id, 'username', e.username, 'lmsAccounts', to_jsonb(e.lms_accounts)))
where e.sourced_id like 'rpt-%' and (e.snapshot = '{}'::jsonb or (e.snapshot ->> 'active')::boolean is distinct from e.active);

analyze educator;
analyze educator_school;
