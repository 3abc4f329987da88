-- law: the national legal numbers come from the national rule set in the code base (module law, versioned by the
-- date each rule takes effect), no longer from each municipality's trajectory settings. What stays in
-- trajectory_setting is local policy: the length of social guidance and its extension, the weeks after third-party
-- information, the PVT hours, the no-show fine proposal (within the legal maximum) and the calendar's weeks.
alter table trajectory_setting
    drop column plan_weeks,
    drop column integration_years,
    drop column route_switch_months,
    drop column step_down_hours,
    drop column z_course_hours,
    drop column z_participation_hours,
    drop column map_practical_hours,
    drop column ontzorgen_months;

-- Art. 11 Wet inburgering 2021: the integration period runs from the day after the date of the first PIP and does not
-- move when the PIP is revised, revoked and replaced, or set again after objection. integration_duty.plan_adopted_on
-- is the date of that first PIP, the decision of record; every later version of the decision is a revision here,
-- with its reason.
create table pip_revision (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    number           integer not null check (number >= 2),
    revised_on       date not null,
    route            text not null check (route in ('B1', 'ONDERWIJS', 'Z')),
    reason           text not null check (reason in ('ROUTE_SWITCH', 'STEP_DOWN', 'OBJECTION', 'MOVE', 'OTHER')),
    recorded_by      uuid,
    created_at       timestamptz not null default now(),
    unique (municipality_id, person_id, number)
);
create index pip_revision_person_idx on pip_revision (municipality_id, person_id, number);

alter table pip_revision enable row level security;
alter table pip_revision force row level security;
create policy pip_revision_of_municipality on pip_revision
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());
