-- monitoring: the benchmark between municipalities. The nightly job publishes for every municipality that opted in
-- the median and quartiles of the OTHER opted-in municipalities of its size class, per indicator and period. A
-- municipality reads only its own rows (row-level security as on every table of the municipality): the figures of
-- its peers reach it only as these aggregates, never one by one and never with a name. The minimum number of peers
-- for a figure is the municipality's setting (default 3).
alter table monitoring_setting
    add column benchmark_min_peers integer not null default 3 check (benchmark_min_peers between 3 and 20);

create table benchmark_figure (
    municipality_id  uuid not null references municipality (id),
    period           text not null check (period ~ '^[0-9]{4}(-H[12])?$'),
    code             text not null check (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    peer_group       text not null,
    peers            integer not null check (peers >= 0),
    q1               numeric,
    median           numeric,
    q3               numeric,
    published_at     timestamptz not null,
    primary key (municipality_id, period, code)
);

alter table benchmark_figure enable row level security;
alter table benchmark_figure force row level security;
create policy benchmark_figure_of_municipality on benchmark_figure
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());

select distribution_keys();
