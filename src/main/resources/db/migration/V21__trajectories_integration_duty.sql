-- trajectories: the civic-integration duty of a person (Wet inburgering 2021; earlier duties recorded as Wet
-- inburgering 2013) with the personal plan (PIP) and the deadlines that follow from it. The deadlines are stored as
-- computed when the dates were entered, under the municipality's settings of that moment.

alter table trajectory_setting
    add column plan_weeks                 integer not null default 10 check (plan_weeks between 1 and 52),
    add column third_party_weeks          integer not null default 2 check (third_party_weeks between 0 and 26),
    add column integration_years          integer not null default 3 check (integration_years between 1 and 10),
    add column route_switch_months        integer not null default 18 check (route_switch_months between 1 and 60);

create table integration_duty (
    municipality_id                  uuid not null references municipality (id),
    person_id                        uuid not null,              -- owned by residents; id only
    regime                           text not null check (regime in ('WI2021', 'WI2013')),
    duo_notice_date                  date not null,
    brp_registration_date            date not null,
    third_party_info_received_date   date,
    plan_due_date                    date,
    plan_adopted_on                  date,
    route                            text check (route in ('B1', 'ONDERWIJS', 'Z')),
    integration_period_start         date,
    integration_period_end           date,
    route_switch_deadline            date,
    version                          integer not null default 0,
    updated_at                       timestamptz not null default now(),
    primary key (municipality_id, person_id),
    check (plan_adopted_on is null or plan_adopted_on >= duo_notice_date),
    check ((plan_adopted_on is null) = (route is null))
);

alter table integration_duty enable row level security;
alter table integration_duty force row level security;
create policy integration_duty_of_municipality on integration_duty
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());
