-- The full catalog entry: who it is for, what it develops, who provides it, and whose it is (a school's or the
-- district's). Offerings from before the lifecycle were already live, so they start out published.
alter table offering
    add column description       text    not null default '',
    add column duration_minutes  integer check (duration_minutes between 1 and 100000),
    add column competency_tags   text[]  not null default '{}',
    add column standards         text[]  not null default '{}',
    add column subject           text,
    add column grade_bands       text[]  not null default '{}',
    add column career_stages     text[]  not null default '{}',
    add column provider          text,
    add column school_id         uuid,
    add column required_sessions integer check (required_sessions between 1 and 100),
    add column status            text    not null default 'PUBLISHED'
        check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    add column published_at      timestamptz,
    add column retired_at        timestamptz,
    add column updated_at        timestamptz,
    add column rating_count      integer not null default 0,
    add column rating_total      integer not null default 0,
    add constraint offering_micro_is_short check (format <> 'MICRO' or duration_minutes <= 15);

update offering set published_at = created_at, updated_at = created_at;
alter table offering alter column status set default 'DRAFT';
alter table offering alter column updated_at set not null;

-- Search: full text over the words a teacher types, weighted title first; tags and lists through GIN; the rest are
-- range filters on small columns. Tags go in the document too, so "coaching" finds an offering tagged coaching.
alter table offering add column search_document tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', coalesce(provider, '') || ' ' || coalesce(subject, '')), 'B')
        || setweight(to_tsvector('english', description), 'C')
        || setweight(array_to_tsvector(competency_tags), 'B')) stored;

create index offering_search on offering using gin (search_document);
create index offering_tags on offering using gin (competency_tags);
create index offering_standards on offering using gin (standards);
create index offering_listed on offering (status, title, id);
create index offering_school on offering (school_id) where school_id is not null;

-- xAPI activity ids an offering stands for; like an LMS course, each maps to one offering.
create table xapi_activity_mapping (
    activity_id text primary key,
    offering_id uuid        not null references offering (id),
    mapped_at   timestamptz not null
);

create index xapi_activity_mapping_offering on xapi_activity_mapping (offering_id);

-- Scheduled sessions of in-person, blended and webinar offerings. The check-in secret never leaves the service; the
-- codes derived from it do.
create table offering_session (
    id              uuid primary key,
    offering_id     uuid          not null references offering (id),
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    location        text,
    join_url        text,
    capacity        integer       not null check (capacity between 1 and 10000),
    facilitator_id  uuid          not null,
    credit_hours    numeric(7, 2) not null check (credit_hours >= 0),
    check_in_secret bytea         not null,
    registered      integer       not null default 0 check (registered between 0 and capacity),
    created_at      timestamptz   not null,
    check (ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
    check (location is not null or join_url is not null)
);

create index offering_session_offering on offering_session (offering_id, starts_at);
create index offering_session_facilitator on offering_session (facilitator_id, starts_at);

-- One row per educator and session; a cancelled registration can register again. The waitlist is served in the order
-- people joined it.
create table registration (
    session_id    uuid        not null references offering_session (id),
    educator_id   uuid        not null,
    status        text        not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
    registered_at timestamptz not null,
    changed_at    timestamptz not null,
    primary key (session_id, educator_id)
);

create index registration_waitlist on registration (session_id, registered_at, educator_id) where status = 'WAITLISTED';
create index registration_educator on registration (educator_id, changed_at);

-- An attendance is recorded once per educator and session, by the facilitator or by a check-in code.
create table attendance (
    id          uuid primary key,
    session_id  uuid          not null references offering_session (id),
    offering_id uuid          not null references offering (id),
    educator_id uuid          not null,
    method      text          not null check (method in ('FACILITATOR', 'CHECK_IN')),
    minutes     integer       not null check (minutes between 0 and 1440),
    credit_hours numeric(7, 2) not null,
    recorded_at timestamptz   not null,
    recorded_by text          not null,
    unique (session_id, educator_id)
);

create index attendance_educator_offering on attendance (educator_id, offering_id);

-- Completions now come from sessions too: completing an offering's required sessions records one, once.
alter table completion add column source text not null default 'LMS' check (source in ('LMS', 'XAPI', 'FACILITATOR',
    'EXTERNAL_APPROVED'));

-- One rating per educator and offering; editing it replaces the stars and the comment.
create table rating (
    offering_id uuid        not null references offering (id),
    educator_id uuid        not null,
    stars       integer     not null check (stars between 1 and 5),
    comment     text,
    rated_at    timestamptz not null,
    updated_at  timestamptz not null,
    primary key (offering_id, educator_id)
);

create index rating_listed on rating (offering_id, updated_at desc, educator_id);
