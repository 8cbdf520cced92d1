-- xAPI statement queries (IEEE 9274.1.1 §4.1.6.1): what the agent and activity filters match is derived from the
-- stored statement by the functions below, into generated columns with GIN indexes, so rows stored before this
-- migration are indexed as well. A query's agent parameter goes through xapi_ifi too: one definition of equality.

-- The key of an Agent's or identified Group's inverse functional identifier; null for an anonymous Group or no agent.
create function xapi_ifi(agent jsonb) returns text language sql immutable as $$
    select case
        when agent ? 'mbox' then 'mbox ' || (agent ->> 'mbox')
        when agent ? 'mbox_sha1sum' then 'mbox_sha1sum ' || lower(agent ->> 'mbox_sha1sum')
        when agent ? 'openid' then 'openid ' || (agent ->> 'openid')
        when agent ? 'account' then 'account ' || (agent -> 'account' ->> 'homePage') || ' '
                                    || (agent -> 'account' ->> 'name')
    end
$$;

-- A JSON value as an array: an array itself, a single value as an array of one, nothing as an empty array.
create function xapi_array(value jsonb) returns jsonb language sql immutable as $$
    select case jsonb_typeof(value) when 'array' then value when 'object' then jsonb_build_array(value)
                                    else '[]'::jsonb end
$$;

-- The keys an Agent or Group matches by: its own identifier and, for a Group, its members'.
create function xapi_agent_keys(agent jsonb) returns text[] language sql immutable as $$
    select coalesce(array_agg(key) filter (where key is not null), '{}')
    from (select xapi_ifi(agent) as key
          union all
          select xapi_ifi(member) from jsonb_array_elements(xapi_array(agent -> 'member')) member) keys
$$;

-- The object as an agent, when it is one.
create function xapi_object_agent(object jsonb) returns jsonb language sql immutable as $$
    select case when object ->> 'objectType' in ('Agent', 'Group') then object end
$$;

-- The agents a context names: instructor, team, and (xAPI 2.0) context agents and groups.
create function xapi_context_agent_keys(context jsonb) returns text[] language sql immutable as $$
    select xapi_agent_keys(context -> 'instructor') || xapi_agent_keys(context -> 'team')
           || coalesce((select array_agg(key) from jsonb_array_elements(xapi_array(context -> 'contextAgents')) item,
                               unnest(xapi_agent_keys(item -> 'agent')) key), '{}')
           || coalesce((select array_agg(key) from jsonb_array_elements(xapi_array(context -> 'contextGroups')) item,
                               unnest(xapi_agent_keys(item -> 'group')) key), '{}')
$$;

-- The activities a context names, in any of its four lists.
create function xapi_context_activities(context jsonb) returns text[] language sql immutable as $$
    select coalesce(array_agg(activity ->> 'id'), '{}')
    from jsonb_each(coalesce(context -> 'contextActivities', '{}'::jsonb)) lists,
         jsonb_array_elements(xapi_array(lists.value)) activity
$$;

-- The filter "agent": the actor or the object.
create function xapi_agents(statement jsonb) returns text[] language sql immutable as $$
    select xapi_agent_keys(statement -> 'actor') || xapi_agent_keys(xapi_object_agent(statement -> 'object'))
$$;

-- The filter "agent" with related_agents=true: also the authority, the context's agents, and all of these inside a
-- SubStatement.
create function xapi_related_agents(statement jsonb) returns text[] language sql immutable as $$
    select xapi_agents(statement) || xapi_agent_keys(statement -> 'authority')
           || xapi_context_agent_keys(statement -> 'context')
           || case when statement -> 'object' ->> 'objectType' = 'SubStatement'
                   then xapi_agents(statement -> 'object')
                        || xapi_context_agent_keys(statement -> 'object' -> 'context')
                   else '{}' end
$$;

-- The filter "activity" with related_activities=true: the object, the context's activities, and both inside a
-- SubStatement.
create function xapi_object_activity(object jsonb) returns text[] language sql immutable as $$
    select case when coalesce(object ->> 'objectType', 'Activity') = 'Activity' then array[object ->> 'id']
                else '{}' end
$$;

create function xapi_related_activities(statement jsonb) returns text[] language sql immutable as $$
    select xapi_object_activity(statement -> 'object') || xapi_context_activities(statement -> 'context')
           || case when statement -> 'object' ->> 'objectType' = 'SubStatement'
                   then xapi_object_activity(statement -> 'object' -> 'object')
                        || xapi_context_activities(statement -> 'object' -> 'context')
                   else '{}' end
$$;

alter table xapi_statement
    add column agents             text[] generated always as (xapi_agents(statement)) stored,
    add column related_agents     text[] generated always as (xapi_related_agents(statement)) stored,
    add column related_activities text[] generated always as (xapi_related_activities(statement)) stored,
    -- The statement a StatementRef object refers to (voiding or not): queries match a statement by its target too.
    add column ref_target         uuid generated always as (
        case when statement -> 'object' ->> 'objectType' = 'StatementRef'
             then (statement -> 'object' ->> 'id')::uuid end) stored;

create index xapi_statement_agents on xapi_statement using gin (agents);
create index xapi_statement_related_agents on xapi_statement using gin (related_agents);
create index xapi_statement_related_activities on xapi_statement using gin (related_activities);
create index xapi_statement_activity on xapi_statement (activity_id, seq);
create index xapi_statement_verb on xapi_statement (verb_id, seq);
create index xapi_statement_registration on xapi_statement (registration, seq) where registration is not null;
create index xapi_statement_ref_target on xapi_statement (ref_target) where ref_target is not null;
create index xapi_statement_client_stored on xapi_statement (client_id, stored, seq);

-- An "attended" statement records an attendance; voiding the statement voids it. A voided attendance stays on record
-- and no longer takes the educator's one attendance of the session.
alter table attendance drop constraint attendance_method_check;
alter table attendance add constraint attendance_method_check check (method in ('FACILITATOR', 'CHECK_IN', 'XAPI'));
alter table attendance add column statement_id uuid;
alter table attendance add column voided_at timestamptz;
alter table attendance drop constraint attendance_session_id_educator_id_key;
create unique index attendance_once on attendance (session_id, educator_id) where voided_at is null;
create index attendance_statement on attendance (statement_id) where statement_id is not null;
