-- The grade band a OneRoster grade code falls in, as template audiences name them: K-2 (PK, TK, KG, 01, 02), 3-5,
-- 6-8, 9-12 (09 to 13); null for any other code (PS, UG, Other).
create function grade_band(grade text) returns text language sql immutable as $$
    select case
        when grade in ('IT', 'PR', 'PK', 'TK', 'KG', '01', '02') then 'K-2'
        when grade in ('03', '04', '05') then '3-5'
        when grade in ('06', '07', '08') then '6-8'
        when grade in ('09', '10', '11', '12', '13') then '9-12'
    end
$$;

create index plan_by_template on plan (template_id);

-- A template's list, or the empty list where it has none (absent, or JSON null).
create function json_list(value jsonb) returns jsonb language sql immutable as $$
    select case when jsonb_typeof(value) = 'array' then value else '[]'::jsonb end
$$;
