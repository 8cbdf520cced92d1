-- A plan's evaluation also reads the facts of one plan (coaching, with what was written) from before the teacher's
-- plans started, for the plan's timeline: this finds them without reading the teacher's whole history.
create index educator_fact_of_one_plan on educator_fact (educator_id) where plan_id is not null;
