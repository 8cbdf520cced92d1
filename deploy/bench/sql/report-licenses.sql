-- A license for each active educator of the report benchmark (sourced ids :prefix<n>: report-district.sql's rpt-<n>,
-- or roster.sh's teachers nyc-t<n>, whom the roster gives none) who has none yet: TX 40 %, NY 20 %, PA 20 %,
-- TX-PRO 10 %, IL 10 %, issued over 2019-2026. psql -v prefix=…
\set ON_ERROR_STOP on

insert into educator_license (educator_id, profile_code, license_type, license_number, issued_on, expires_on,
                              updated_at, updated_by)
select e.id, p.code, 'Standard', 'RPT-' || bench.n, p.issued,
       (p.issued + make_interval(years => 5))::date - 1, now(), 'report-bench'
from educator e,
     lateral (select substr(e.sourced_id, length(:'prefix') + 1)::int as n) bench,
     lateral (select case when bench.n % 10 < 4 then 'TX' when bench.n % 10 < 6 then 'NY'
                          when bench.n % 10 < 8 then 'PA' when bench.n % 10 < 9 then 'TX-PRO' else 'IL' end as code,
                     date '2019-01-01' + (bench.n * 7919 % 2800) as issued) p
where e.active and e.sourced_id ~ ('^' || :'prefix' || '[0-9]+$')
on conflict (educator_id) do nothing;

analyze educator_license;
