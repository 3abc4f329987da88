-- trajectories: the participation declaration trajectory (PVT) of a person: the sessions attended with their hours
-- and the status, completed only with enough hours and the date the declaration was signed.

alter table trajectory_setting
    add column pvt_hours integer not null default 12 check (pvt_hours between 1 and 100);

create table participation_declaration (
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    status           text not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'EXEMPT')),
    signed_on        date,
    version          integer not null default 0,
    updated_at       timestamptz not null default now(),
    primary key (municipality_id, person_id),
    check (status <> 'COMPLETED' or signed_on is not null)
);

create table participation_session (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    held_on          date not null,
    hours            numeric(4, 1) not null check (hours > 0 and hours <= 24),
    topic            text check (length(topic) <= 200),
    created_at       timestamptz not null default now()
);
create index participation_session_person_idx on participation_session (municipality_id, person_id, held_on);

do $$
declare
    t text;
begin
    foreach t in array array['participation_declaration', 'participation_session']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
