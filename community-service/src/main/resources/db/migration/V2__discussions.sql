-- Discussions: threads and their replies in one table. A thread's opening post is its own thread (thread_id = id);
-- a reflection is a thread in three parts: what I tried, why, and what happened for students.
create table post (
    id               uuid primary key,
    community_id     uuid        not null references community (id),
    thread_id        uuid        not null,
    kind             text        not null check (kind in ('DISCUSSION', 'REFLECTION', 'REPLY')),
    author_id        uuid        not null,
    title            text,
    body             text        not null,
    tried            text,
    why              text,
    impact           text,
    created_at       timestamptz not null,
    edited_at        timestamptz,
    revisions        integer     not null default 0,
    hidden_at        timestamptz,
    hidden_by        uuid,
    hidden_reason    text,
    reply_count      integer     not null default 0,
    last_activity_at timestamptz not null,
    check ((kind = 'REPLY') = (thread_id <> id))
);
create index post_threads on post (community_id, last_activity_at desc, id) where kind <> 'REPLY';
create index post_replies on post (thread_id, created_at, id) where kind = 'REPLY';

-- Every earlier version of an edited post, so an edit never erases what was said.
create table post_revision (
    post_id   uuid        not null references post (id),
    revision  integer     not null,
    title     text,
    body      text        not null,
    tried     text,
    why       text,
    impact    text,
    written_at timestamptz not null,
    primary key (post_id, revision)
);

create table post_mention (
    post_id     uuid not null references post (id),
    educator_id uuid not null,
    primary key (post_id, educator_id)
);
create index post_mention_educator on post_mention (educator_id);

create table post_reaction (
    post_id     uuid        not null references post (id),
    educator_id uuid        not null,
    reaction    text        not null check (reaction in ('LIKE', 'INSIGHTFUL', 'THANKS', 'CELEBRATE')),
    reacted_at  timestamptz not null,
    primary key (post_id, educator_id, reaction)
);
