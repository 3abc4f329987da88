-- trajectories: the NT2 lesson hours a person has followed in total, as the plans module reports them; they decide
-- whether the B1 route may step down to A2.

create table nt2_lesson_hours (
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    total_hours      numeric(6, 1) not null check (total_hours >= 0 and total_hours <= 10000),
    as_of            date not null,
    updated_at       timestamptz not null default now(),
    primary key (municipality_id, person_id)
);

alter table nt2_lesson_hours enable row level security;
alter table nt2_lesson_hours force row level security;
create policy nt2_lesson_hours_of_municipality on nt2_lesson_hours
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());
