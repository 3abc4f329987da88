-- plans: the personal plan of a person in the local integration policy (and, for permit holders under the duty, the
-- PIP): versions that are drafted and adopted, goals and actions per spearhead and provision domain, the progress on
-- them, progress reviews, language levels per skill, NT2 lesson hours, children's education, work and income, and
-- the "wegwijs" checklist. An adopted version never changes: the database refuses it.

create table plan_setting (
    municipality_id         uuid primary key references municipality (id),
    review_interval_months  integer not null default 3 check (review_interval_months between 1 and 24),
    wegwijs_places          text[] not null
);

create table plan (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,              -- owned by residents; id only
    started_on              date not null,              -- the plan exists from this day
    started_by              text not null,
    -- the PIP as the trajectories module adopted it (null for a plan in the local policy only)
    pip_adopted_on          date,
    learning_route          text check (learning_route in ('B1', 'ONDERWIJS', 'Z')),
    integration_period_start date,
    integration_period_end  date,
    route_switch_deadline   date,
    created_at              timestamptz not null default now(),
    unique (municipality_id, person_id)
);

create table plan_version (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    plan_id                 uuid not null references plan (id),
    number                  integer not null check (number >= 1),
    status                  text not null check (status in ('DRAFT', 'ADOPTED')),
    adopted_on              date,
    adopted_by              text,
    adopted_at              timestamptz,
    -- the elements the Wet inburgering 2021 asks of a PIP, in plain words
    route_timeframe         text check (length(route_timeframe) <= 2000),
    guidance_support        text check (length(guidance_support) <= 2000),
    pvt_map_intensity       text check (length(pvt_map_intensity) <= 2000),
    vve_options             text check (length(vve_options) <= 2000),
    ontzorgen               text check (length(ontzorgen) <= 2000),
    preconditions           text check (length(preconditions) <= 2000),
    monitoring              text check (length(monitoring) <= 2000),
    lock_version            integer not null default 0,
    created_at              timestamptz not null default now(),
    unique (municipality_id, plan_id, number),
    check ((status = 'ADOPTED') = (adopted_on is not null))
);
-- at most one draft per plan
create unique index plan_version_one_draft on plan_version (municipality_id, plan_id) where status = 'DRAFT';

create table plan_goal (
    municipality_id         uuid not null references municipality (id),
    version_id              uuid not null references plan_version (id),
    goal_id                 uuid not null,              -- the same goal keeps its id across versions
    area                    text not null check (area in ('LANGUAGE', 'NORMS_AND_VALUES', 'LIVING_ENVIRONMENT',
                                'OWN_NETWORK', 'WORK_AND_INCOME', 'EDUCATION', 'PARTICIPATION', 'HELP_AND_SUPPORT',
                                'SPORT_AND_CULTURE')),
    description             text not null check (length(description) between 1 and 1000),
    target_date             date,
    position                integer not null,
    primary key (version_id, goal_id)
);
create index plan_goal_municipality_idx on plan_goal (municipality_id, version_id);

create table plan_action (
    municipality_id         uuid not null references municipality (id),
    version_id              uuid not null references plan_version (id),
    action_id               uuid not null,              -- the same action keeps its id across versions
    goal_id                 uuid not null,
    what                    text not null check (length(what) between 1 and 500),
    who                     text not null check (who in ('PERSON', 'CASEWORKER', 'PARTNER', 'VOLUNTEER')),
    due_on                  date,
    position                integer not null,
    primary key (version_id, action_id),
    foreign key (version_id, goal_id) references plan_goal (version_id, goal_id)
);
create index plan_action_municipality_idx on plan_action (municipality_id, version_id);

-- Progress is not part of what was agreed: it changes while the adopted version stays as it was.
create table plan_goal_progress (
    municipality_id         uuid not null references municipality (id),
    plan_id                 uuid not null references plan (id),
    goal_id                 uuid not null,
    status                  text not null check (status in ('OPEN', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'DROPPED')),
    drop_reason             text check (length(drop_reason) <= 1000),
    changed_on              date not null,
    primary key (municipality_id, goal_id),
    check (status <> 'DROPPED' or drop_reason is not null)
);

create table plan_action_progress (
    municipality_id         uuid not null references municipality (id),
    plan_id                 uuid not null references plan (id),
    action_id               uuid not null,
    done_on                 date not null,
    primary key (municipality_id, action_id)
);

create table plan_review (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    plan_id                 uuid not null references plan (id),
    held_on                 date not null,
    notes                   text not null check (length(notes) <= 4000),
    next_review_due         date not null,
    recorded_by             text not null,
    created_at              timestamptz not null default now()
);
create index plan_review_plan_idx on plan_review (municipality_id, plan_id, held_on);

create table plan_review_goal (
    municipality_id         uuid not null references municipality (id),
    review_id               uuid not null references plan_review (id),
    goal_id                 uuid not null,
    status                  text not null check (status in ('OPEN', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'DROPPED')),
    primary key (review_id, goal_id)
);

create table language_level (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,
    skill                   text not null check (skill in ('READING', 'LISTENING', 'WRITING', 'SPEAKING')),
    level                   text not null check (level in ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    assessed_on             date not null,
    source                  text not null check (source in ('EXAM', 'TEST', 'TEACHER_ASSESSMENT')),
    created_at              timestamptz not null default now()
);
create index language_level_person_idx on language_level (municipality_id, person_id, assessed_on);

create table nt2_lesson_entry (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,
    followed_until          date not null,
    hours                   numeric(5, 1) not null check (hours > 0 and hours <= 1000),
    provider                text check (length(provider) <= 200),
    created_at              timestamptz not null default now()
);
create index nt2_lesson_entry_person_idx on nt2_lesson_entry (municipality_id, person_id, followed_until);

-- per child (a household member under 18): school or childcare and the education provisions
create table child_education (
    municipality_id         uuid not null references municipality (id),
    child_id                uuid not null,              -- owned by residents; id only
    school                  text check (length(school) <= 200),
    childcare               text check (length(childcare) <= 200),
    vve_indication          boolean not null default false,
    vve_participation       boolean not null default false,
    speech_therapy          boolean not null default false,
    isk                     boolean not null default false,
    pupil_transport         boolean not null default false,
    lunch_care              boolean not null default false,
    parental_involvement    text check (length(parental_involvement) <= 1000),
    version                 integer not null default 0,
    updated_at              timestamptz not null default now(),
    primary key (municipality_id, child_id)
);

create table income_period (
    id                      uuid primary key,
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,
    source                  text not null check (source in ('SOCIAL_ASSISTANCE', 'WAGES', 'STUDY_FINANCE', 'OTHER',
                                'NONE')),
    starts_on               date not null,
    ends_on                 date,
    created_at              timestamptz not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index income_period_person_idx on income_period (municipality_id, person_id, starts_on);

create table work_situation (
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,
    paid_hours_per_week     numeric(4, 1) check (paid_hours_per_week >= 0 and paid_hours_per_week <= 80),
    route_to_work           text check (length(route_to_work) <= 1000),
    version                 integer not null default 0,
    updated_at              timestamptz not null default now(),
    primary key (municipality_id, person_id)
);

create table wegwijs_known (
    municipality_id         uuid not null references municipality (id),
    person_id               uuid not null,
    place                   text not null check (length(place) between 1 and 100),
    known_on                date not null,
    primary key (municipality_id, person_id, place)
);

-- An adopted version is immutable: no update or delete of it, and no goal or action added to, changed in or
-- removed from it.
create function plan_version_frozen() returns trigger
    language plpgsql
as $$
begin
    if old.status = 'ADOPTED' then
        raise exception 'plan version % is adopted and cannot change', old.id using errcode = 'P0001';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger plan_version_frozen before update or delete on plan_version
    for each row execute function plan_version_frozen();

create function plan_content_frozen() returns trigger
    language plpgsql
as $$
declare
    target uuid;
begin
    target := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
    if exists (select 1 from plan_version where id = target and status = 'ADOPTED')
            or (tg_op = 'UPDATE' and exists (select 1 from plan_version where id = old.version_id and status = 'ADOPTED')) then
        raise exception 'plan version % is adopted and cannot change', target using errcode = 'P0001';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger plan_goal_frozen before insert or update or delete on plan_goal
    for each row execute function plan_content_frozen();
create trigger plan_action_frozen before insert or update or delete on plan_action
    for each row execute function plan_content_frozen();

do $$
declare
    t text;
begin
    foreach t in array array['plan_setting', 'plan', 'plan_version', 'plan_goal', 'plan_action', 'plan_goal_progress',
        'plan_action_progress', 'plan_review', 'plan_review_goal', 'language_level', 'nt2_lesson_entry',
        'child_education', 'income_period', 'work_situation', 'wegwijs_known']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
