create table person (
    id                uuid primary key,
    municipality_id   uuid not null references municipality (id),
    team_id           uuid references team (id),
    given_names       text not null check (length(given_names) between 1 and 200),
    family_name       text not null check (length(family_name) between 1 and 200),
    sort_name         text collate "C" not null,   -- normalised "family given", for ordering
    date_of_birth     date not null,
    gender            text check (gender in ('FEMALE', 'MALE', 'OTHER')),
    category          text not null check (category in ('PERMIT_HOLDER', 'FAMILY_MIGRANT', 'ESTABLISHED_MIGRANT', 'OTHER')),
    bsn               char(9) check (bsn ~ '^[0-9]{9}$'),
    v_number          char(10) check (v_number ~ '^[0-9]{10}$'),
    country_of_birth  char(2),
    nationality       char(2),
    languages         text[] not null default '{}',
    phone             text,
    email             text,
    street            text,
    house_number      text,
    postcode          text,
    city              text,
    arrival_date      date,
    registration_date date,
    ended_on          date,
    end_reason        text check (end_reason in ('MOVED_AWAY', 'DECEASED', 'FILE_CLOSED')),
    version           integer not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (bsn is not null or v_number is not null),
    check ((ended_on is null) = (end_reason is null))
);
create unique index person_bsn_unique on person (municipality_id, bsn) where bsn is not null;
create unique index person_v_number_unique on person (municipality_id, v_number) where v_number is not null;
create index person_sort_idx on person (municipality_id, sort_name, id);

-- Name search: every normalised word of a person's names (lower case, accents removed), matched by prefix.
create table person_name_token (
    municipality_id uuid not null,
    token           text collate "C" not null,
    person_id       uuid not null references person (id) on delete cascade,
    primary key (municipality_id, token, person_id)
);
create index person_name_token_person_idx on person_name_token (person_id);

create table household (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    version         integer not null,
    created_at      timestamptz not null default now()
);

create table household_member (
    municipality_id uuid not null,
    household_id    uuid not null references household (id),
    person_id       uuid not null references person (id),
    role            text not null check (role in ('HEAD', 'PARTNER', 'CHILD', 'OTHER')),
    since           date not null,
    primary key (household_id, person_id)
);
-- A person belongs to at most one household at a time.
create unique index household_member_person_unique on household_member (municipality_id, person_id);
create unique index household_one_head on household_member (household_id) where role = 'HEAD';

do $$
declare
    t text;
begin
    foreach t in array array['person', 'person_name_token', 'household', 'household_member']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
