-- network: a counter per municipality that every change to volunteers or to the load of their matches raises in
-- the same transaction. Each instance keeps the compact candidate rows in memory and reloads them when the counter
-- moved, so the candidate list reads one number instead of every volunteer.

create table network_generation (
    municipality_id  uuid primary key references municipality (id),
    generation       bigint not null
);

alter table network_generation enable row level security;
alter table network_generation force row level security;
create policy network_generation_of_municipality on network_generation
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());
