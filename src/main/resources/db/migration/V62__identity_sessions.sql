-- Login sessions in the database (Spring Session JDBC), so every instance serves every session, a restart logs
-- nobody out, and the sessions of one account can be found and ended when the account changes. A session holds
-- the security context and small page state (CSRF token, one-off messages); no file data. A session is read
-- before its user, and so its municipality, is known (the municipality comes from the session), so these tables
-- have no row-level security; only the session filter and the account changes touch them.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
