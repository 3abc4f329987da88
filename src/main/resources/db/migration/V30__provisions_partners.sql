-- provisions: the partner organisations of a municipality and their provisions (the provision directory,
-- sociale kaart). Users of a partner organisation are accounts with role PARTNER and app_user.partner_id.

create table partner_organisation (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    name             text not null check (length(name) between 1 and 200),
    kind             text not null check (kind in ('SOCIAL_SERVICE', 'SOCIAL_TEAM', 'LANGUAGE_SCHOOL',
                         'VOLUNTEER_ORGANISATION', 'SCHOOL', 'LIBRARY', 'SPORT_CLUB', 'MENTAL_HEALTH',
                         'CHILDCARE', 'WELFARE', 'OTHER')),
    contact_name     text check (length(contact_name) <= 200),
    email            text check (length(email) <= 200),
    phone            text check (length(phone) <= 50),
    street           text check (length(street) <= 200),
    house_number     text check (length(house_number) <= 20),
    postcode         text check (length(postcode) <= 10),
    city             text check (length(city) <= 100),
    version          integer not null default 0,
    created_at       timestamptz not null default now()
);
create unique index partner_organisation_name_unique on partner_organisation (municipality_id, lower(name));

create table provision (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    partner_id       uuid not null references partner_organisation (id),
    name             text not null check (length(name) between 1 and 200),
    description      text not null check (length(description) between 1 and 2000),
    domain           text not null check (domain in ('LANGUAGE', 'NORMS_AND_VALUES', 'LIVING_ENVIRONMENT',
                         'OWN_NETWORK', 'WORK_AND_INCOME', 'EDUCATION', 'PARTICIPATION', 'SUPPORT',
                         'SPORT_AND_CULTURE')),
    target_group     text check (length(target_group) <= 500),
    languages        text[] not null default '{}',
    cost             text check (length(cost) <= 200),
    accessibility    text check (length(accessibility) <= 500),
    location         text check (length(location) <= 300),
    opening_hours    text check (length(opening_hours) <= 300),
    how_to_apply     text check (length(how_to_apply) <= 1000),
    active           boolean not null default true,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create unique index provision_name_unique on provision (municipality_id, partner_id, lower(name));
create index provision_domain_idx on provision (municipality_id, domain) where active;
create index provision_languages_idx on provision using gin (languages);

do $$
declare
    t text;
begin
    foreach t in array array['partner_organisation', 'provision']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
