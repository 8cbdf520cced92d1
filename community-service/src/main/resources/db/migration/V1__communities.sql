-- The roster as this service needs it: who an educator is, their schools (a school's community is for its educators,
-- a principal sees their schools' communities), and what they teach (peers are suggested by subject and grade band).
create table educator (
    id          uuid primary key,
    given_name  text        not null,
    family_name text        not null,
    email       text,
    school_ids  uuid[]      not null default '{}',
    subjects    text[]      not null default '{}',
    grades      text[]      not null default '{}',
    active      boolean     not null,
    updated_at  timestamptz not null
);
create index educator_subjects on educator using gin (subjects);

-- What a teacher says they care about, their own tags; the roster never overwrites them.
create table educator_interest (
    educator_id uuid primary key,
    tags        text[]      not null default '{}',
    updated_at  timestamptz not null
);
create index educator_interest_tags on educator_interest using gin (tags);

-- PLCs, cohorts, professional learning networks and coaching circles. A community is for one school's educators or
-- (school_id null) for the whole district. Credit-bearing communities' meetings earn ledger hours.
create table community (
    id             uuid primary key,
    kind           text        not null check (kind in ('PLC', 'COHORT', 'NETWORK', 'COACHING_CIRCLE')),
    name           text        not null,
    purpose        text        not null,
    tags           text[]      not null default '{}',
    school_id      uuid,
    visibility     text        not null check (visibility in ('OPEN', 'REQUEST', 'INVITE')),
    credit_bearing boolean     not null,
    created_at     timestamptz not null,
    created_by     uuid        not null,
    archived_at    timestamptz
);
create index community_school on community (school_id);
create index community_tags on community using gin (tags);

-- Each period of membership: joining opens one, leaving or removal closes it. Rejoining opens another, so the
-- community's size at any past date is the periods open then (its growth over time).
create table member (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    educator_id  uuid        not null,
    role         text        not null check (role in ('MEMBER', 'FACILITATOR')),
    joined_at    timestamptz not null,
    added_by     uuid        not null,
    ended_at     timestamptz,
    ended_how    text check (ended_how in ('LEFT', 'REMOVED')),
    ended_by     uuid,
    end_reason   text,
    check ((ended_at is null) = (ended_how is null))
);
create unique index member_current on member (community_id, educator_id) where ended_at is null;
create index member_educator on member (educator_id) where ended_at is null;

-- A request to join (REQUEST communities) or an invitation (INVITE ones), pending until decided.
create table join_request (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    educator_id  uuid        not null,
    kind         text        not null check (kind in ('REQUEST', 'INVITATION')),
    status       text        not null check (status in ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    note         text,
    created_at   timestamptz not null,
    created_by   uuid        not null,
    decided_at   timestamptz,
    decided_by   uuid
);
create unique index join_request_pending on join_request (community_id, educator_id) where status = 'PENDING';

-- Meetings, single or one occurrence of a recurring series (an RRULE in the district's time zone). Occurrences are
-- stored, so each has its own agenda, notes, attendance and check-in secret.
create table meeting_series (
    id               uuid primary key,
    community_id     uuid        not null references community (id),
    rrule            text        not null,
    first_starts_at  timestamptz not null,
    duration_minutes integer     not null,
    time_zone        text        not null,
    created_at       timestamptz not null,
    created_by       uuid        not null
);

create table meeting (
    id               uuid primary key,
    community_id     uuid        not null references community (id),
    series_id        uuid references meeting_series (id),
    title            text        not null,
    agenda           text        not null default '',
    notes            text        not null default '',
    starts_at        timestamptz not null,
    duration_minutes integer     not null check (duration_minutes between 1 and 1440),
    location         text,
    cancelled_at     timestamptz,
    check_in_secret  bytea       not null,
    created_at       timestamptz not null
);
create index meeting_community_start on meeting (community_id, starts_at);

-- Who attended, once per meeting: marked by a facilitator from the roster or checked in with the rotating code.
create table attendance (
    id          uuid primary key,
    meeting_id  uuid        not null references meeting (id),
    educator_id uuid        not null,
    minutes     integer     not null check (minutes between 1 and 1440),
    source      text        not null check (source in ('FACILITATOR', 'CHECK_IN')),
    recorded_at timestamptz not null,
    recorded_by uuid        not null,
    unique (meeting_id, educator_id)
);
create index attendance_educator on attendance (educator_id);
