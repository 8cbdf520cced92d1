-- A district for the HR report benchmark, written straight into plan-service's database (the reports read it; how it
-- got there is not what is measured): :educators educators ('rpt-<n>', aides, whom no demo template assigns) in
-- :schools schools ('rpt-school-<n>'), each with a license (TX 40 %, NY 20 %, PA 20 %, TX-PRO 10 %, IL 10 %, issued
-- over 2019-2026) and :entries ledger entries over the five years before today, in five categories and two credit
-- types (those in report-ledger.sql, run for a range of educators at a time). Run it again and it only reactivates
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

insert into educator_license (educator_id, profile_code, license_type, license_number, issued_on, expires_on,
                              updated_at, updated_by)
select md5('educator:rpt-' || n)::uuid, p.code, 'Standard', 'RPT-' || n, p.issued,
       (p.issued + make_interval(years => 5))::date - 1, now(), 'report-bench'
from generate_series(1, :educators) n,
     lateral (select case when n % 10 < 4 then 'TX' when n % 10 < 6 then 'NY' when n % 10 < 8 then 'PA'
                          when n % 10 < 9 then 'TX-PRO' else 'IL' end as code,
                     date '2019-01-01' + (n * 7919 % 2800) as issued) p
on conflict (educator_id) do nothing;

analyze educator;
analyze educator_school;
analyze educator_license;
