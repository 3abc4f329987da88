-- housing: the housing quota (taakstelling) per municipality and period, COA matches (koppelingen), placements
-- with the key handover date, population figures and forecasts. The numbers housed are never stored: they are
-- counted from the placements whenever a period is read, so a correction of the past carries over by itself.

-- The official number per period as published (Staatscourant circular). Period: YYYY-H1, YYYY-H2, or YYYY for
-- years known only as a yearly figure.
create table housing_quota (
    municipality_id uuid not null references municipality (id),
    period          text not null check (period ~ '^[0-9]{4}(-H[12])?$'),
    official        integer not null check (official >= 0),
    source          text not null check (length(source) between 1 and 500),
    updated_at      timestamptz not null default now(),
    primary key (municipality_id, period)
);

-- A municipality's own rules; a municipality without a row uses the defaults.
create table housing_setting (
    municipality_id            uuid primary key references municipality (id),
    housing_weeks              integer not null default 10 check (housing_weeks between 1 and 52),
    move_weeks                 integer not null default 2 check (move_weeks between 0 and 26),
    family_reunification_counts boolean not null default true
);

-- COA matches persons to the municipality on a date; the deadlines are fixed when the match is made.
create table housing_match (
    id                   uuid primary key,
    municipality_id      uuid not null references municipality (id),
    match_date           date not null,
    housing_deadline     date not null,
    move_deadline        date not null,
    family_reunification boolean not null default false,
    created_at           timestamptz not null default now(),
    check (housing_deadline >= match_date and move_deadline >= housing_deadline)
);

create table housing_match_person (
    municipality_id uuid not null,
    match_id        uuid not null references housing_match (id),
    person_id       uuid not null,              -- owned by residents; id only
    primary key (match_id, person_id)
);
-- A person is matched to the municipality once.
create unique index housing_match_person_unique on housing_match_person (municipality_id, person_id);

create table housing_placement (
    id                 uuid primary key,
    municipality_id    uuid not null references municipality (id),
    key_handover_date  date not null,
    address            text check (length(address) <= 300),
    created_at         timestamptz not null default now()
);
create index housing_placement_date_idx on housing_placement (municipality_id, key_handover_date);

create table housing_placement_person (
    municipality_id uuid not null,
    placement_id    uuid not null references housing_placement (id),
    person_id       uuid not null,              -- owned by residents; id only
    primary key (placement_id, person_id)
);
-- A person is placed at most once.
create unique index housing_placement_person_unique on housing_placement_person (municipality_id, person_id);

-- Population figures for forecasts, kept apart from the official figures (CBS code, name, inhabitants).
create table housing_population (
    municipality_id uuid not null references municipality (id),
    code            varchar(4) not null check (code ~ '^[0-9]{4}$'),
    name            text,
    population      integer not null check (population >= 0),
    primary key (municipality_id, code)
);

-- A computed forecast; it never replaces the official figure.
create table housing_forecast (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    period          text not null check (period ~ '^[0-9]{4}(-H[12])?$'),
    national_total  integer not null check (national_total >= 0),
    method          text not null,
    created_at      timestamptz not null default now()
);
create index housing_forecast_period_idx on housing_forecast (municipality_id, period, created_at desc);

create table housing_forecast_share (
    municipality_id uuid not null,
    forecast_id     uuid not null references housing_forecast (id),
    code            varchar(4) not null,
    population      integer not null,
    share           integer not null,
    primary key (forecast_id, code)
);

do $$
declare
    t text;
begin
    foreach t in array array['housing_quota', 'housing_setting', 'housing_match', 'housing_match_person',
                             'housing_placement', 'housing_placement_person', 'housing_population',
                             'housing_forecast', 'housing_forecast_share']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
