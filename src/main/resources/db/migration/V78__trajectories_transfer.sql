-- trajectories: the warm handover of a trajectory to another municipality of this installation. The sending
-- municipality offers the trajectory's facts (route, period, PIP, exams, hours) to the receiving one; the receiving team
-- accepts, which creates the person there with the facts and closes the file to the sender. The transfer record is
-- visible to both; once accepted it keeps no facts, which then live only with the receiver.

create table trajectory_transfer (
    id                  uuid primary key,
    municipality_id     uuid not null references municipality (id),   -- the sending municipality
    to_municipality_id  uuid not null references municipality (id),
    person_id           uuid not null,          -- the sender's file; owned by residents, id only
    status              text not null default 'OFFERED' check (status in ('OFFERED', 'ACCEPTED', 'WITHDRAWN')),
    facts               jsonb,                  -- the facts offered; cleared on acceptance
    offered_on          date not null,
    decided_on          date,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    check (municipality_id <> to_municipality_id),
    check ((status = 'OFFERED') = (facts is not null)),
    check ((status = 'OFFERED') = (decided_on is null))
);
create unique index trajectory_transfer_open_once on trajectory_transfer (person_id) where status = 'OFFERED';
create index trajectory_transfer_to_idx on trajectory_transfer (to_municipality_id, status);

alter table trajectory_transfer enable row level security;
alter table trajectory_transfer force row level security;
create policy trajectory_transfer_of_either on trajectory_transfer
    using (municipality_id = current_municipality() or to_municipality_id = current_municipality())
    with check (municipality_id = current_municipality() or to_municipality_id = current_municipality());

-- What the receiving municipality took over: the facts, with the person's new file.
create table trajectory_received (
    municipality_id       uuid not null references municipality (id),
    person_id             uuid not null,        -- the receiver's file; owned by residents, id only
    transfer_id           uuid not null references trajectory_transfer (id),
    from_municipality_id  uuid not null references municipality (id),
    received_on           date not null,
    facts                 jsonb not null,
    primary key (municipality_id, person_id)
);

alter table trajectory_received enable row level security;
alter table trajectory_received force row level security;
create policy trajectory_received_of_municipality on trajectory_received
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());
