-- network: volunteers and (language) buddies, match requests for a person, buddy matches with their lifecycle and
-- log, the person's own network of contacts, and each municipality's matching settings.

-- A municipality's own matching rules; a municipality without a row uses the defaults (see NetworkSettings).
create table network_setting (
    municipality_id      uuid primary key references municipality (id),
    vog_valid_years      integer not null default 3 check (vog_valid_years between 1 and 10),
    check_in_weeks       integer not null default 4 check (check_in_weeks between 1 and 52),
    weight_language      integer not null default 50 check (weight_language between 0 and 100),
    weight_background    integer not null default 15 check (weight_background between 0 and 100),
    weight_distance      integer not null default 10 check (weight_distance between 0 and 100),
    weight_availability  integer not null default 10 check (weight_availability between 0 and 100),
    weight_interests     integer not null default 5 check (weight_interests between 0 and 100),
    weight_preference    integer not null default 5 check (weight_preference between 0 and 100),
    weight_load          integer not null default 5 check (weight_load between 0 and 100)
);

create table volunteer (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    given_name       text not null check (length(given_name) between 1 and 100),
    family_name      text not null check (length(family_name) between 1 and 100),
    organisation     text check (length(organisation) <= 200),
    person_id        uuid,                       -- owned by residents; id only (a volunteer who is a person too)
    email            text check (length(email) <= 200),
    phone            text check (length(phone) <= 40),
    postcode         text check (postcode ~ '^[1-9][0-9]{3}( ?[A-Z]{2})?$'),
    postcode_area    integer check (postcode_area between 1000 and 9999),   -- the four digits, for proximity
    neighbourhood    text check (length(neighbourhood) <= 100),
    gender           text check (gender in ('FEMALE', 'MALE', 'OTHER')),
    languages        text[] not null default '{}',      -- ISO 639 codes
    language_levels  text[] not null default '{}',      -- per language: NATIVE, FLUENT, BASIC
    countries        text[] not null default '{}',      -- ISO 3166-1 alpha-2: countries of origin or background
    skills           text[] not null default '{}',
    interests        text[] not null default '{}',
    availability     integer not null default 0 check (availability >= 0),  -- bit per weekday part
    roles            text[] not null check (cardinality(roles) > 0),
    vog_date         date,
    max_matches      integer not null default 1 check (max_matches between 1 and 10),
    preferences      text check (length(preferences) <= 1000),
    active           boolean not null default true,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    check (cardinality(languages) = cardinality(language_levels))
);
create index volunteer_name_idx on volunteer (municipality_id, family_name, given_name);
create index volunteer_person_idx on volunteer (municipality_id, person_id) where person_id is not null;
-- The candidate pre-filter reads the active volunteers of one municipality.
create index volunteer_active_idx on volunteer (municipality_id) where active;

create table match_request (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    role             text not null check (role in ('LANGUAGE_BUDDY', 'BUDDY', 'WORK_MENTOR', 'PARENT_BUDDY')),
    languages        text[] not null default '{}',
    countries        text[] not null default '{}',
    interests        text[] not null default '{}',
    availability     integer not null default 0 check (availability >= 0),
    postcode         text check (postcode ~ '^[1-9][0-9]{3}( ?[A-Z]{2})?$'),
    preferred_gender text check (preferred_gender in ('FEMALE', 'MALE', 'OTHER')),
    notes            text check (length(notes) <= 2000),
    status           text not null default 'OPEN' check (status in ('OPEN', 'MATCHED', 'WITHDRAWN')),
    requested_by     uuid,
    created_at       timestamptz not null default now(),
    version          integer not null default 0
);
create index match_request_person_idx on match_request (municipality_id, person_id);
create index match_request_open_idx on match_request (municipality_id, created_at) where status = 'OPEN';

create table buddy_match (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    match_request_id uuid not null references match_request (id),
    person_id        uuid not null,              -- owned by residents; id only
    volunteer_id     uuid not null references volunteer (id),
    role             text not null,
    status           text not null check (status in ('PROPOSED', 'INTRODUCED', 'ACTIVE', 'ENDED')),
    score            integer not null,
    proposed_on      date not null,
    introduced_on    date,
    started_on       date,
    ended_on         date,
    end_reason       text check (length(end_reason) <= 1000),
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    check ((status = 'ENDED') = (ended_on is not null and end_reason is not null))
);
create index buddy_match_volunteer_idx on buddy_match (municipality_id, volunteer_id) where status <> 'ENDED';
create index buddy_match_person_idx on buddy_match (municipality_id, person_id);
-- A volunteer is matched to a request at most once while the match runs.
create unique index buddy_match_request_volunteer on buddy_match (match_request_id, volunteer_id) where status <> 'ENDED';

-- Meetings (with hours) and check-ins logged on a match.
create table buddy_match_log (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    match_id         uuid not null references buddy_match (id),
    kind             text not null check (kind in ('MEETING', 'CHECK_IN')),
    held_on          date not null,
    hours            numeric(4, 1) check (hours > 0 and hours <= 24),
    note             text check (length(note) <= 1000),
    logged_by        uuid,
    created_at       timestamptz not null default now(),
    check (kind <> 'MEETING' or hours is not null)
);
create index buddy_match_log_match_idx on buddy_match_log (municipality_id, match_id, held_on);

-- The person's own network: family, friends, buddies outside Meedoen's matches, people with a similar background,
-- contacts at clubs.
create table person_contact (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    kind             text not null check (kind in ('FAMILY', 'FRIEND', 'BUDDY', 'SIMILAR_BACKGROUND', 'CLUB')),
    name             text not null check (length(name) between 1 and 200),
    note             text check (length(note) <= 1000),
    since            date,
    ended_on         date,
    created_at       timestamptz not null default now()
);
create index person_contact_person_idx on person_contact (municipality_id, person_id);

do $$
declare
    t text;
begin
    foreach t in array array['network_setting', 'volunteer', 'match_request', 'buddy_match', 'buddy_match_log',
                             'person_contact']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
