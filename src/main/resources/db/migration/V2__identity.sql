create table municipality (
    id         uuid primary key,
    code       varchar(4) not null unique check (code ~ '^[0-9]{4}$'),
    name       text not null,
    created_at timestamptz not null default now()
);

create table team (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    name            text not null,
    unique (municipality_id, name)
);

create table app_user (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    team_id         uuid references team (id),
    username        text not null unique,
    display_name    text not null,
    password_hash   text not null,
    role            text not null check (role in ('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'PARTNER',
                                                  'PRIVACY_OFFICER', 'ADMIN', 'VOLUNTEER_COORDINATOR')),
    partner_id      uuid,
    enabled         boolean not null default true,
    version         integer not null default 0,
    created_at      timestamptz not null default now()
);
create index app_user_municipality_idx on app_user (municipality_id);
