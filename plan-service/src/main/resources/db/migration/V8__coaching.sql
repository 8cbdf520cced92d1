-- A plan's coach: assigned by the teacher's principal or a district admin, or asked for by the teacher first.
alter table plan
    add column coach_id        uuid,
    add column coach_requested jsonb;

create index plan_by_coach on plan (coach_id);

-- What a person wrote with a fact of their own: a coach's check-in or sign-off, a teacher's reflection.
alter table educator_fact add column detail jsonb;
