-- Professional learning outside the catalog (a conference, a university course) that a teacher asks credit for. The
-- principal of the teacher's school decides, optionally once before it takes place and always after, with the
-- evidence. An approval is a completion: course.completed with source EXTERNAL_APPROVED, published once.
create table outside_request (
    id              uuid primary key,
    educator_id     uuid          not null,
    school_id       uuid          not null,
    title           text          not null,
    provider        text          not null,
    description     text          not null default '',
    starts_on       date          not null,
    ends_on         date          not null check (ends_on >= starts_on),
    credit_hours    numeric(7, 2) not null check (credit_hours > 0 and credit_hours < 1000),
    credit_type     text          not null,
    category        text          not null,
    competency_tags text[]        not null default '{}',
    evidence_url    text,
    pre_approval    boolean       not null,
    status          text          not null check (status in ('PENDING_PRE_APPROVAL', 'PRE_APPROVED', 'SUBMITTED',
                                                             'APPROVED', 'DENIED', 'WITHDRAWN')),
    completion_id   uuid unique,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);

create index outside_request_educator on outside_request (educator_id, created_at desc);
create index outside_request_school on outside_request (school_id, status, created_at desc);

-- Every step of every request: who did what, from which status to which, and why.
create table outside_request_step (
    request_id  uuid        not null references outside_request (id),
    position    integer     not null,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    status      text        not null,
    comment     text,
    primary key (request_id, position)
);
