-- The database roles of Meedoen, for a DBA to run once as a superuser in the Meedoen
-- database, before the first start; running it again sets the password anew and changes nothing else.
--
--   psql -d meedoen -c "set meedoen.app_password = '<at least 16 characters>'" \
--                   -c "set meedoen.owner = 'meedoen'" -f meedoen-roles.sql
--
-- meedoen.owner names the login role that owns the schema and runs the migrations (spring.datasource.username);
-- the application itself logs in as meedoen_app (meedoen.datasource.app-password): a role that owns nothing, is a
-- member of nothing, cannot create tables or temporary tables, and is subject to row-level security on every
-- table. The embedded database of the demo runs this same script at every start, with a fresh random password.
do $$
declare
    app_password text := current_setting('meedoen.app_password', true);
    owner_role   text := nullif(current_setting('meedoen.owner', true), '');
begin
    if app_password is null or length(app_password) < 16 then
        raise exception 'set meedoen.app_password to the password of meedoen_app (at least 16 characters)';
    end if;
    if not exists (select from pg_roles where rolname = 'meedoen_app') then
        execute format('create role meedoen_app login password %L', app_password);
    else
        execute format('alter role meedoen_app login password %L', app_password);
    end if;
    -- Nothing more than logging in: no superuser, no role or database creation, no way past row-level security,
    -- no inherited privileges of another role.
    alter role meedoen_app nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit;
    execute format('grant connect on database %I to meedoen_app', current_database());
    -- Nobody but the owner creates schemas or temporary tables in this database.
    execute format('revoke create, temporary on database %I from public', current_database());
    revoke create on schema public from public;
    if owner_role is not null then
        -- The owner runs the migrations, and a migration that moves or corrects data must see every municipality's
        -- rows: the owner passes row-level security (which every table forces, even on its owner). The application
        -- role never does.
        execute format('alter role %I bypassrls', owner_role);
        -- The owner grants the application role its table rights in the migrations (V1).
        execute format('grant meedoen_app to %I with admin option', owner_role);
        execute format('grant temporary on database %I to %I', current_database(), owner_role);
        -- The need-to-know checks (V110, V111) are functions that run with meedoen.team_id cleared (a SET clause on
        -- the function). From PostgreSQL 15 on, a role other than a superuser may only create such a function for a
        -- custom setting once it is granted setting it.
        if current_setting('server_version_num')::int >= 150000 then
            execute format('grant set on parameter meedoen.team_id to %I', owner_role);
        end if;
    end if;
end
$$;
