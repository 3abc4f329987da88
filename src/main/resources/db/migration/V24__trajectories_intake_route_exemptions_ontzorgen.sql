-- trajectories: the broad intake with its appointments and no-show ladder, DUO's exemptions, the learning route's
-- progress (route switch and step-down with PIP revision, Z-route hours, MAP, exam results per part), ontzorgen,
-- and the caseworker who holds a person's trajectory. All durations and amounts are municipality settings.

alter table trajectory_setting
    add column step_down_hours            integer not null default 600 check (step_down_hours between 0 and 5000),
    add column z_course_hours             integer not null default 800 check (z_course_hours between 0 and 5000),
    add column z_participation_hours      integer not null default 800 check (z_participation_hours between 0 and 5000),
    add column map_practical_hours        integer not null default 40 check (map_practical_hours between 0 and 1000),
    add column no_show_fine_euros         integer not null default 250 check (no_show_fine_euros between 0 and 10000),
    add column ontzorgen_months           integer not null default 6 check (ontzorgen_months between 1 and 36),
    add column calendar_weeks             integer not null default 8 check (calendar_weeks between 1 and 52),
    add column version                    integer not null default 0;

-- The broad intake: one per person. Health notes are shown only to the person's own team.
create table broad_intake (
    municipality_id           uuid not null references municipality (id),
    person_id                 uuid not null,              -- owned by residents; id only
    learnability_tested_on    date,
    learnability_result       text check (length(learnability_result) <= 500),
    education_history         text check (length(education_history) <= 4000),
    work_history              text check (length(work_history) <= 4000),
    personal_circumstances    text check (length(personal_circumstances) <= 4000),
    health_notes              text check (length(health_notes) <= 4000),
    vve_informed_on           date,
    completed_on              date,
    version                   integer not null default 0,
    updated_at                timestamptz not null default now(),
    primary key (municipality_id, person_id)
);

create table intake_appointment (
    id                   uuid primary key,
    municipality_id      uuid not null references municipality (id),
    person_id            uuid not null,
    scheduled_on         date not null,
    scheduled_time       time,
    location             text check (length(location) <= 200),
    outcome              text not null default 'SCHEDULED'
                         check (outcome in ('SCHEDULED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
    no_show_step         integer check (no_show_step between 1 and 99),
    consequence          text check (consequence in ('WARNING', 'FINE_PROPOSAL', 'SECOND_FINE_PROPOSAL')),
    fine_euros           integer check (fine_euros >= 0),
    recorded_by          uuid,
    recorded_at          timestamptz,
    created_at           timestamptz not null default now(),
    check ((outcome = 'NO_SHOW') = (no_show_step is not null and consequence is not null))
);
create index intake_appointment_person_idx on intake_appointment (municipality_id, person_id, scheduled_on);
create index intake_appointment_open_idx on intake_appointment (municipality_id, scheduled_on)
    where outcome = 'SCHEDULED';

-- Exemptions decided by DUO, per part of the duty; an exempt part has no deadline.
create table integration_exemption (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    part             text not null check (part in ('WHOLE_DUTY', 'LEARNING_ROUTE', 'KNM', 'MAP', 'PVT')),
    kind             text not null check (kind in ('VRIJSTELLING', 'ONTHEFFING')),
    decided_on       date not null,
    ground           text not null check (length(ground) between 1 and 1000),
    created_at       timestamptz not null default now()
);
create unique index integration_exemption_part_unique on integration_exemption (municipality_id, person_id, part);

-- The learning route's progress on the duty itself.
alter table integration_duty
    add column route_level            text check (route_level in ('B1', 'A2')),
    add column z_course_hours         numeric(6, 1) not null default 0 check (z_course_hours between 0 and 10000),
    add column z_participation_hours  numeric(6, 1) not null default 0
                                      check (z_participation_hours between 0 and 10000),
    add column z_interview_on         date,
    add column map_practical_hours    numeric(6, 1) not null default 0 check (map_practical_hours between 0 and 10000),
    add column map_themes_done        integer not null default 0 check (map_themes_done between 0 and 8),
    add column map_interview_on       date,
    add column pip_revised_on         date;

-- Route switches and step-downs, each a revision of the PIP.
create table route_change (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    kind             text not null check (kind in ('SWITCH', 'STEP_DOWN')),
    changed_on       date not null,
    from_route       text not null check (from_route in ('B1', 'ONDERWIJS', 'Z')),
    to_route         text not null check (to_route in ('B1', 'ONDERWIJS', 'Z')),
    to_level         text check (to_level in ('B1', 'A2')),
    reason           text not null check (length(reason) between 1 and 1000),
    recorded_by      uuid,
    created_at       timestamptz not null default now()
);
create index route_change_person_idx on route_change (municipality_id, person_id, changed_on);

create table exam_result (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    part             text not null check (part in ('READING', 'LISTENING', 'WRITING', 'SPEAKING', 'KNM')),
    level            text check (level in ('A1', 'A2', 'B1', 'B2')),
    result           text not null check (result in ('PASSED', 'FAILED')),
    taken_on         date not null,
    created_at       timestamptz not null default now()
);
create index exam_result_person_idx on exam_result (municipality_id, person_id, taken_on);

-- Ontzorgen: the municipality pays fixed costs out of the benefit in the first months of social assistance.
create table ontzorgen (
    municipality_id      uuid not null references municipality (id),
    person_id            uuid not null,
    assistance_start     date not null,
    end_date             date not null,
    rent                 boolean not null default true,
    energy               boolean not null default true,
    health_insurance     boolean not null default true,
    version              integer not null default 0,
    updated_at           timestamptz not null default now(),
    primary key (municipality_id, person_id),
    check (end_date > assistance_start)
);

-- The caseworker who holds a person's trajectory (the per-caseworker deadline calendar).
create table trajectory_caseworker (
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    user_id          uuid not null references app_user (id),
    assigned_on      date not null,
    primary key (municipality_id, person_id)
);
create index trajectory_caseworker_user_idx on trajectory_caseworker (municipality_id, user_id);

do $$
declare
    t text;
begin
    foreach t in array array['broad_intake', 'intake_appointment', 'integration_exemption', 'route_change',
                             'exam_result', 'ontzorgen', 'trajectory_caseworker']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
