-- Curated resources shared in a community, gathered into members' collections and upvoted; the district library
-- is the best-rated of those shared in open communities.
create table resource (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    shared_by    uuid        not null,
    url          text        not null,
    title        text        not null,
    kind         text        not null check (kind in ('ARTICLE', 'BOOK', 'VIDEO', 'WEBINAR', 'TOOL', 'LESSON_PLAN')),
    tags         text[]      not null default '{}',
    note         text        not null default '',
    shared_at    timestamptz not null,
    upvotes      integer     not null default 0 check (upvotes >= 0)
);
create index resource_community on resource (community_id, shared_at desc);
create index resource_tags on resource using gin (tags);
create index resource_best on resource (upvotes desc, shared_at desc);

create table resource_vote (
    resource_id uuid        not null references resource (id),
    educator_id uuid        not null,
    voted_at    timestamptz not null,
    primary key (resource_id, educator_id)
);

create table collection (
    id          uuid primary key,
    owner_id    uuid        not null,
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null
);
create index collection_owner on collection (owner_id);

create table collection_item (
    collection_id uuid        not null references collection (id) on delete cascade,
    resource_id   uuid        not null references resource (id),
    added_at      timestamptz not null,
    primary key (collection_id, resource_id)
);

-- Strengths colleagues see in an educator, from the district's taxonomy; one endorsement per colleague and strength.
create table endorsement (
    id          uuid primary key,
    educator_id uuid        not null,
    strength    text        not null,
    endorsed_by uuid        not null,
    note        text        not null default '',
    endorsed_at timestamptz not null,
    check (educator_id <> endorsed_by),
    unique (educator_id, strength, endorsed_by)
);
create index endorsement_educator on endorsement (educator_id, strength);

-- Peers are suggested by grade band (K-2, 3-5, 6-8, 9-12) as well as by subject; the roster gives grades.
alter table educator add column grade_bands text[] not null default '{}';
update educator set grade_bands = array(
    select distinct case
        when g in ('PK', 'KG', 'TK', '01', '02', '1', '2') then 'K-2'
        when g in ('03', '04', '05', '3', '4', '5') then '3-5'
        when g in ('06', '07', '08', '6', '7', '8') then '6-8'
        when g in ('09', '10', '11', '12', '9') then '9-12'
    end from unnest(grades) as g where g in ('PK', 'KG', 'TK', '01', '02', '03', '04', '05', '06', '07', '08',
        '09', '10', '11', '12', '1', '2', '3', '4', '5', '6', '7', '8', '9'));
create index educator_grade_bands on educator using gin (grade_bands);
