-- The HR report benchmark on a district the roster API imported (run.sh: roster.sh's teachers nyc-t<n>), so that the
-- reports cover that district alone and not a second one: each of its educators gets a license like those of
-- report-district.sql where they have none (the roster carries no licenses); report-ledger.sql then gives them their
-- five years of entries. psql -v prefix=nyc-t
\set ON_ERROR_STOP on

insert into educator_license (educator_id, profile_code, license_type, license_number, issued_on, expires_on,
                              updated_at, updated_by)
select e.id, p.code, 'Standard', 'RPT-' || e.sourced_id, p.issued,
       (p.issued + make_interval(years => 5))::date - 1, now(), 'report-bench'
from educator e,
     lateral (select substr(e.sourced_id, length(:'prefix') + 1)::int as n) bench,
     lateral (select case when bench.n % 10 < 4 then 'TX' when bench.n % 10 < 6 then 'NY'
                          when bench.n % 10 < 8 then 'PA' when bench.n % 10 < 9 then 'TX-PRO' else 'IL' end as code,
                     date '2019-01-01' + (bench.n * 7919 % 2800) as issued) p
where e.active and e.sourced_id ~ ('^' || :'prefix' || '[0-9]+$')
on conflict (educator_id) do nothing;

analyze educator_license;
