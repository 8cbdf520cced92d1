-- The statement columns V7 generates call these functions, which call one another by unqualified name. A restore
-- from pg_dump runs with an empty search_path, where those inner calls would not resolve: each function names its own.
alter function xapi_ifi(jsonb) set search_path = public;
alter function xapi_array(jsonb) set search_path = public;
alter function xapi_agent_keys(jsonb) set search_path = public;
alter function xapi_object_agent(jsonb) set search_path = public;
alter function xapi_context_agent_keys(jsonb) set search_path = public;
alter function xapi_context_activities(jsonb) set search_path = public;
alter function xapi_agents(jsonb) set search_path = public;
alter function xapi_related_agents(jsonb) set search_path = public;
alter function xapi_object_activity(jsonb) set search_path = public;
alter function xapi_related_activities(jsonb) set search_path = public;
