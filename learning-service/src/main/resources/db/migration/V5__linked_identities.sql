-- Identities a district admin linked by hand to an educator, for learners the roster names otherwise. The roster
-- projection never drops them: a snapshot only reconciles the identities it brought itself (linked_by is null).
alter table learner_identity
    add column linked_by text,
    add column linked_at timestamptz,
    add constraint learner_identity_linked check ((linked_by is null) = (linked_at is null));
