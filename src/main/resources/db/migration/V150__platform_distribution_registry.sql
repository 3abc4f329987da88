-- platform: which tables a distributed PostgreSQL (Citus) would not distribute by municipality_id. Every other table of
-- the schema holds one municipality's data, has a municipality_id (not null) and is distributed by it: its primary key,
-- unique constraints and indexes and its foreign keys to other distributed tables all include municipality_id
-- (V151, docs/scale-out.md). platform/database/DistributionCatalogueIntegrationTests holds the catalogue to this.
--   reference: small, read by every municipality's work or looked up before a municipality is known, unique across the
--              country; a copy on every node (create_reference_table).
--   local:     infrastructure of the application instances that no municipality's query joins; stays on the
--              coordinator (citus_add_local_table_to_metadata).
create table distribution_table (
    table_name text primary key check (table_name ~ '^[a-z_][a-z0-9_]*$'),
    kind       text not null check (kind in ('reference', 'local')),
    reason     text not null check (length(reason) between 10 and 500)
);

insert into distribution_table (table_name, kind, reason) values
    ('municipality', 'reference',
     'The register of municipalities (CBS code, name): every table refers to it and a transfer names another municipality.'),
    ('app_user', 'reference',
     'Accounts: the login looks one up by user name before any municipality is known, and user names and SSO subjects '
     || 'are unique across the installation; a few per caseworker, referred to by caseworker assignments and fine steps.'),
    ('team', 'reference',
     'Teams, referred to by accounts (a reference table may refer only to reference tables) and by persons and shares.'),
    ('api_token', 'reference',
     'API tokens are looked up by their hash before the municipality is known; the hash is unique across the installation.'),
    ('account_approval', 'reference',
     'Four-eyes approvals of accounts, which refer to an account (reference); a handful per municipality.'),
    ('event_publication', 'local',
     'Spring Modulith''s event registry: written in the publisher''s transaction and read by the instances at start-up; '
     || 'its municipality_id is empty for the system''s own events, so it cannot be a distribution column.'),
    ('spring_session', 'local', 'Login sessions of the application instances, looked up by session id only.'),
    ('spring_session_attributes', 'local', 'The attributes of the login sessions, looked up by session id only.'),
    ('scheduled_tasks', 'local', 'db-scheduler''s job rota, polled by every instance; no municipality''s query joins it.'),
    ('login_throttle', 'local', 'Failed logins per user name and address, counted before anyone is logged in.'),
    ('flyway_schema_history', 'local', 'Flyway''s record of the migrations, run once on the coordinator.'),
    ('distribution_table', 'local', 'This registry itself.');

-- The application reads the registry, never changes it; only a migration does.
revoke insert, update, delete, truncate on distribution_table from meedoen_app;
