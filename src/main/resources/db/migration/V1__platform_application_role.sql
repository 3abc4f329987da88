-- The application connects through the role meedoen_app: it is not the owner of the tables, so PostgreSQL
-- row-level security applies to it. Migrations run as the owner.
do $$
begin
    if not exists (select from pg_roles where rolname = 'meedoen_app') then
        create role meedoen_app nologin;
    end if;
end
$$;

grant meedoen_app to current_user;
grant usage on schema public to meedoen_app;
alter default privileges in schema public grant select, insert, update, delete on tables to meedoen_app;
alter default privileges in schema public grant usage, select on sequences to meedoen_app;

-- The municipality of the current work, set by the application on every borrowed connection.
create function current_municipality() returns uuid
    language sql stable
as $$ select nullif(current_setting('meedoen.municipality_id', true), '')::uuid $$;

-- Spring Modulith's event publication registry (infrastructure; carries no personal data of its own).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
