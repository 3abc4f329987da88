-- residents: a person who moved to another municipality of this installation. The receiving municipality records the
-- departure when it takes the file over; from then on the municipality they left finds nothing of the person (a
-- restrictive policy on person), while the record itself is visible to both. Nothing else of the file crosses.

create table person_departure (
    person_id           uuid primary key,      -- the file in the municipality the person left
    municipality_id     uuid not null references municipality (id),   -- the municipality they left
    to_municipality_id  uuid not null references municipality (id),
    departed_on         date not null,
    created_at          timestamptz not null default now(),
    check (municipality_id <> to_municipality_id)
);

alter table person_departure enable row level security;
alter table person_departure force row level security;
create policy person_departure_of_either on person_departure for select
    using (municipality_id = current_municipality() or to_municipality_id = current_municipality());
create policy person_departure_by_receiver on person_departure for insert
    with check (to_municipality_id = current_municipality());

-- A departed person's file is closed to the municipality they left: not read, not changed.
create policy person_not_departed on person as restrictive
    using (not exists (select 1 from person_departure d where d.person_id = person.id));
